"""Transfer size of / with everything it loads, as a browser gets it (brotli or gzip where offered).

Prints one line: WEIGHT <total bytes> <what>=<bytes> ...
"""
import re
import sys
import urllib.request

BASE = sys.argv[1]


def fetch(path):
    request = urllib.request.Request(BASE + path, headers={"Accept-Encoding": "br, gzip"})
    with urllib.request.urlopen(request) as response:
        return response.read(), response.headers.get("Content-Encoding", "")


def main():
    html, _ = fetch("/")
    sizes = {"/": len(html)}
    plain = urllib.request.urlopen(BASE + "/").read().decode("utf-8")
    assets = re.findall(r'<link[^>]+href="(/[^"]+)"', plain) + re.findall(r'<(?:img|script)[^>]+src="(/[^"]+)"', plain)
    for asset in dict.fromkeys(assets):
        body, _ = fetch(asset)
        sizes[asset] = len(body)
        if asset.endswith(".css"):
            css = urllib.request.urlopen(BASE + asset).read().decode("utf-8")
            for font in re.findall(r'url\((/[^)"\']+\.woff2)\)', css):
                sizes[font] = len(fetch(font)[0])
    print("WEIGHT", sum(sizes.values()), " ".join(f"{k}={v}" for k, v in sizes.items()))


main()

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// The picture every public page names as og:image and twitter:image (drawn by
/// Features/Appeal/ShareCard): its route name and size, which the layout announces.
/// </summary>
public static class SharePreview
{
    public const string Route = "Appeal.ShareCard";
    public const int Width = 1200;
    public const int Height = 630;
}

using System.Xml.Linq;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Data;

/// <summary>
/// Until the key ring moved into the database it lay in <c>data/keys/</c>. On the first start with
/// an empty key table those keys are copied in, so sessions and open invitation links outlive the
/// upgrade. The files stay where they are; afterwards nothing reads them.
/// </summary>
public static class FileKeyImport
{
    public static async Task ImportAsync(AppDbContext db, DataDirectory data)
    {
        var folder = Path.Combine(data.FullPath, "keys");
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync())
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var xml = XElement.Load(file);
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = xml.ToString(SaveOptions.DisableFormatting),
            });
        }

        await db.TrySaveChangesAsync(); // a second instance importing at the same moment: either copy is the same
    }
}

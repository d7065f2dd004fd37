using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace FaqBot.Storage.KeyRing;

/// <summary>The key ring as XML files in one folder that only the host's account can open: on Unix
/// the folder is 0700 and every key file 0600 (made so when found looser). A key is written to a
/// temporary file and renamed into place, so a reader never sees half a key.</summary>
internal sealed class KeyFolder(string path) : IXmlRepository
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly Lock _gate = new();
    private bool _ready;

    public string Path { get; } = path;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        Prepare();
        return [.. Directory.GetFiles(Path, "*.xml").Order(StringComparer.Ordinal).Select(file => XElement.Load(file))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        Prepare();
        var name = IsSafeName(friendlyName) ? friendlyName : Guid.NewGuid().ToString("D");
        var temp = System.IO.Path.Combine(Path, $".{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = FileMode;
            }

            using (var stream = new FileStream(temp, options))
            {
                element.Save(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, System.IO.Path.Combine(Path, name + ".xml"));
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Creates the folder on first use and narrows what an earlier run left wider.</summary>
    private void Prepare()
    {
        lock (_gate)
        {
            if (_ready)
            {
                return;
            }

            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(Path);
            }
            else
            {
                Directory.CreateDirectory(Path, FolderMode);
                File.SetUnixFileMode(Path, FolderMode);
                foreach (var file in Directory.GetFiles(Path))
                {
                    if ((File.GetUnixFileMode(file) & ~FileMode) != 0)
                    {
                        File.SetUnixFileMode(file, FileMode);
                    }
                }
            }

            _ready = true;
        }
    }

    private static bool IsSafeName(string? name) =>
        name is { Length: > 0 and <= 100 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

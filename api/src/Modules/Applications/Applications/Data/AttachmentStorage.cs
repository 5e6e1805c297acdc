using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jiebang.Applications.Data;

/// <summary>
/// Where attachment bytes live: a folder outside the database (Attachments:Path, default data/attachments under the
/// content root), one file per attachment under a generated name. Uploads are written to incoming/ first and moved
/// into place only once their row is committed, so a refused or failed upload leaves nothing behind.
/// </summary>
internal sealed class AttachmentStorage
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    private readonly ILogger<AttachmentStorage> _logger;

    public AttachmentStorage(IConfiguration configuration, IHostEnvironment environment, ILogger<AttachmentStorage> logger)
    {
        _logger = logger;
        MaxBytes = configuration.GetValue("Attachments:MaxBytes", DefaultMaxBytes);
        if (MaxBytes <= 0)
        {
            throw new InvalidOperationException("Attachments:MaxBytes must be a positive number of bytes. / 附件大小上限须为正数。");
        }
        var configured = configuration["Attachments:Path"];
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, string.IsNullOrWhiteSpace(configured) ? "data/attachments" : configured));
        Incoming = Path.Combine(Root, "incoming");
        OwnerOnly(Root);
        OwnerOnly(Incoming);
    }

    /// <summary>On Unix, attachment folders are 0700 and files 0600: only the host's own account reads what units uploaded.</summary>
    public const UnixFileMode FolderUnixMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileUnixMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Creates the folder owner-only, and narrows one made earlier (by a version that left it 0755).
    private static void OwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        if (Path.GetDirectoryName(folder) is { Length: > 0 } parent)
        {
            Directory.CreateDirectory(parent);
        }
        Directory.CreateDirectory(folder, FolderUnixMode);
        File.SetUnixFileMode(folder, FolderUnixMode);
    }

    public long MaxBytes { get; }

    public string Root { get; }

    private string Incoming { get; }

    /// <summary>A fresh temporary path in the same folder tree, so moving it into place is a rename.</summary>
    public string NewTempPath() => Path.Combine(Incoming, Guid.CreateVersion7().ToString("N") + ".part");

    public static string NewStorageName() => Guid.CreateVersion7().ToString("N");

    public string PathOf(string storageName) => Path.Combine(Root, storageName);

    /// <summary>Moves a committed upload into place, readable and writable by the host's account only.</summary>
    public void Promote(string tempPath, string storageName)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tempPath, FileUnixMode);
        }
        File.Move(tempPath, PathOf(storageName));
    }

    /// <summary>Deletes a temporary file if it is there; a failure is logged, not worth failing the request over.</summary>
    public void Discard(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not delete the temporary upload {Path}", path);
        }
    }
}

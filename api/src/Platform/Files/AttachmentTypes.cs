using System.IO.Compression;
using System.Text;

namespace Jiebang.Platform.Files;

/// <summary>A file type an application may carry as an attachment.</summary>
public sealed record AttachmentType(string Name, string ContentType, string[] Extensions);

/// <summary>
/// The attachment types allowed in every module (PDF, DOCX, XLSX, PNG, JPEG), recognised by their content, never by what the client
/// claims; and the file names people gave them, made safe to store and show.
/// </summary>
public static class AttachmentTypes
{
    public static readonly AttachmentType Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly AttachmentType Png = new("PNG", "image/png", [".png"]);
    public static readonly AttachmentType Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly AttachmentType Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly AttachmentType Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);

    public static readonly IReadOnlyList<AttachmentType> All = [Pdf, Docx, Xlsx, Png, Jpeg];

    public const int MaxFileNameLength = 255;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The type a file name's extension promises, or null when the extension is not allowed.</summary>
    public static AttachmentType? ForFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return All.FirstOrDefault(t => t.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>What the content is, from its first bytes (and, for Office files, the ZIP's entry names); null when none of the allowed types.</summary>
    public static AttachmentType? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }
        if (head.StartsWith(PngMagic))
        {
            return Png;
        }
        if (head.StartsWith(JpegMagic))
        {
            return Jpeg;
        }
        if (head.StartsWith(ZipMagic) && content.CanSeek)
        {
            content.Position = 0;
            return OfficeType(content);
        }
        return null;
    }

    private static AttachmentType? OfficeType(Stream content)
    {
        try
        {
            // Only the central directory is read: entry names, never entry contents, so a ZIP bomb costs nothing.
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }
            if (names.Contains("word/document.xml"))
            {
                return Docx;
            }
            return names.Contains("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// The name to keep: the last path segment only (a client may send C:\dir\x.pdf or ../x.pdf), without control or
    /// format characters (a right-to-left override, U+202E, can make "evil[U+202E]fdp.exe" show as "evilexe.pdf"), trimmed, at most 255
    /// characters with the extension kept. Empty when nothing is left.
    /// </summary>
    public static string SanitizeFileName(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }
        var lastSeparator = raw.LastIndexOfAny(['/', '\\']);
        var name = lastSeparator >= 0 ? raw[(lastSeparator + 1)..] : raw;
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }
            kept.Append(rune.ToString());
        }
        name = kept.ToString().Trim().TrimEnd('.').Trim();
        if (name is "." or "..")
        {
            return "";
        }
        if (name.Length <= MaxFileNameLength)
        {
            return name;
        }
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
        {
            extension = "";
        }
        var stem = name[..^extension.Length];
        var cut = MaxFileNameLength - extension.Length;
        // Never split a surrogate pair.
        if (char.IsHighSurrogate(stem[cut - 1]))
        {
            cut--;
        }
        return stem[..cut].TrimEnd() + extension;
    }
}

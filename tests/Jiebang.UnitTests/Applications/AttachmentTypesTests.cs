using Jiebang.Platform.Files;
using System.IO.Compression;
using System.Text;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Services;

namespace Jiebang.UnitTests.Applications;

public sealed class AttachmentTypesTests
{
    private static AttachmentType? Detect(byte[] bytes) => AttachmentTypes.Detect(new MemoryStream(bytes));

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public void Types_are_recognised_by_their_first_bytes()
    {
        Assert.Same(AttachmentTypes.Pdf, Detect("%PDF-1.7\n"u8.ToArray()));
        Assert.Same(AttachmentTypes.Png, Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));
        Assert.Same(AttachmentTypes.Jpeg, Detect([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]));
        Assert.Null(Detect("%PDF"u8.ToArray()));
        Assert.Null(Detect([0x89, 0x50, 0x4E, 0x47]));
        Assert.Null(Detect([]));
        Assert.Null(Detect(Encoding.UTF8.GetBytes("hello, PDF")));
        Assert.Null(Detect([0x4D, 0x5A, 0x90, 0x00]));
    }

    [Fact]
    public void Office_files_are_recognised_by_their_zip_entries()
    {
        Assert.Same(AttachmentTypes.Docx, Detect(Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml")));
        Assert.Same(AttachmentTypes.Xlsx, Detect(Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml")));
        Assert.Null(Detect(Zip("word/document.xml")));
        Assert.Null(Detect(Zip("[Content_Types].xml", "ppt/presentation.xml")));
        Assert.Null(Detect(Zip("readme.txt")));
        Assert.Null(Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6]));
    }

    [Theory]
    [InlineData("方案.pdf", "PDF")]
    [InlineData("方案.PDF", "PDF")]
    [InlineData("photo.jpg", "JPEG")]
    [InlineData("photo.jpeg", "JPEG")]
    [InlineData("scan.png", "PNG")]
    [InlineData("团队.docx", "DOCX")]
    [InlineData("预算.xlsx", "XLSX")]
    [InlineData("old.doc", null)]
    [InlineData("macro.xlsm", null)]
    [InlineData("pdf", null)]
    [InlineData("archive.pdf.exe", null)]
    public void The_extension_says_which_type_a_file_claims(string name, string? type) =>
        Assert.Equal(type, AttachmentTypes.ForFileName(name)?.Name);

    [Theory]
    [InlineData("技术方案.pdf", "技术方案.pdf")]
    [InlineData("C:\\Users\\张三\\技术方案.pdf", "技术方案.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("  spaced name.pdf  ", "spaced name.pdf")]
    [InlineData("line\r\nbreak\t.pdf", "linebreak.pdf")]
    [InlineData("evil\u202Efdp.exe", "evilfdp.exe")]
    [InlineData("zero\u200Bwidth.pdf", "zerowidth.pdf")]
    [InlineData("trailing.pdf...", "trailing.pdf")]
    [InlineData("dir/", "")]
    [InlineData("..", "")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void File_names_keep_their_last_segment_without_control_or_format_characters(string? raw, string expected) =>
        Assert.Equal(expected, AttachmentTypes.SanitizeFileName(raw));

    [Fact]
    public void Long_file_names_are_cut_to_255_characters_keeping_the_extension_and_whole_characters()
    {
        var cut = AttachmentTypes.SanitizeFileName(new string('长', 400) + ".docx");
        Assert.Equal(255, cut.Length);
        Assert.EndsWith("长.docx", cut);

        var emoji = AttachmentTypes.SanitizeFileName(string.Concat(Enumerable.Repeat("😀", 200)) + ".pdf");
        Assert.True(emoji.Length <= 255);
        Assert.EndsWith(".pdf", emoji);
        Assert.False(char.IsHighSurrogate(emoji[^5]));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(1_000_000L, "1")]
    [InlineData(300_000_000L, "300")]
    [InlineData(1_234_565_000L, "1234.57")]
    [InlineData(1_234_564_999L, "1234.56")]
    [InlineData(5_000L, "0.01")]
    [InlineData(4_999L, "0")]
    [InlineData(10_000_000_000_00L, "1000000")]
    public void Fen_become_wan_yuan_rounded_half_away_from_zero_to_two_places(long fen, string wan) =>
        Assert.Equal(decimal.Parse(wan, System.Globalization.CultureInfo.InvariantCulture), Labels.Wan(fen));
}

using System.IO.Compression;
using System.Text;

namespace Tandem.Tests.Hostile;

/// <summary>
/// Builds the files an attacker would plant in a synced folder, at test time and from first
/// principles (raw HTML, Markdown, WordprocessingML zipped by hand, PDF objects written byte by
/// byte), so the tests depend on no library to produce the hostility they check our readers against.
/// </summary>
public static class HostileFiles
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary><paramref name="unit"/> repeated <paramref name="count"/> times.</summary>
    public static string Repeat(string unit, int count) => new StringBuilder(unit.Length * count).Insert(0, unit, count).ToString();

    /// <summary>HTML with <paramref name="open"/> repeated <paramref name="depth"/> times before some text, never closed.</summary>
    public static byte[] NestedHtml(string open, int depth) =>
        Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body>" + Repeat(open, depth) + "The Supplier shall deliver.</body></html>");

    /// <summary>
    /// Paragraphs that each leave a differently-attributed bold open: the parser reopens every one
    /// of them in each later paragraph, so the tree nests one level deeper per paragraph.
    /// </summary>
    public static byte[] ReopenedFormattingHtml(int paragraphs) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, paragraphs).Select(i => $"<p><b id=\"b{i}\">Clause {i}.</p>")));

    /// <summary>A Word document whose body nests <paramref name="open"/>/<paramref name="close"/> <paramref name="depth"/> times.</summary>
    /// <param name="open">Start tags of one level, e.g. "&lt;w:sdt&gt;&lt;w:sdtContent&gt;".</param>
    /// <param name="close">The matching end tags.</param>
    /// <param name="depth">How many levels.</param>
    /// <param name="inner">What the innermost level holds.</param>
    /// <param name="inParagraph">Whether the nesting lives inside one paragraph (run-level wrappers such as hyperlinks).</param>
    public static byte[] NestedDocx(string open, string close, int depth, string inner, bool inParagraph)
    {
        var body = new StringBuilder();
        body.Append(inParagraph ? "<w:p>" : string.Empty).Append(Repeat(open, depth)).Append(inner)
            .Append(Repeat(close, depth)).Append(inParagraph ? "</w:p>" : string.Empty);
        return Docx(body.ToString());
    }

    /// <summary>A minimal Word package (content types, relationships, main part) around <paramref name="bodyXml"/>.</summary>
    public static byte[] Docx(string bodyXml)
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Entry(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Entry(zip, "word/document.xml",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>{bodyXml}</w:body></w:document>");
        }

        return zipped.ToArray();
    }

    /// <summary>Markdown with one list item per line, each indented two columns more than the last.</summary>
    public static byte[] IndentedMarkdownList(int depth) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "- item\n")));

    /// <summary>Markdown whose line i opens i block quotes.</summary>
    public static byte[] DeepeningMarkdownQuotes(int lines) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, lines).Select(i => new string('>', i) + " text\n")));

    /// <summary>
    /// A one-page PDF whose content stream is a zlib stream of <paramref name="megabytes"/> MB of
    /// zeros, about a thousandth of that on disk. The deflate blocks for 1 MB of zeros are made once
    /// and repeated: each starts with a literal zero and then copies the byte before it, so it is
    /// valid after any run of zeros.
    /// </summary>
    public static byte[] FlateBombPdf(int megabytes)
    {
        byte[] block;
        using (var buffer = new MemoryStream())
        {
            using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                deflate.Write(new byte[1 << 20]);
                deflate.Flush(); // a sync flush ends the blocks on a byte boundary
                block = buffer.ToArray();
            }
        }

        using var zlib = new MemoryStream();
        zlib.Write([0x78, 0xDA]);
        for (var i = 0; i < megabytes; i++)
        {
            zlib.Write(block);
        }

        zlib.Write([0x03, 0x00]); // an empty final block
        var adler = (uint)((((long)megabytes << 20) % 65521) << 16) | 1; // Adler-32 of that many zeros
        zlib.Write([(byte)(adler >> 24), (byte)(adler >> 16), (byte)(adler >> 8), (byte)adler]);
        return Pdf("<< /Length " + zlib.Length + " /Filter /FlateDecode >>", zlib.ToArray());
    }

    /// <summary>A one-page PDF with Helvetica and the given content stream (dictionary and raw bytes).</summary>
    public static byte[] Pdf(string contentDictionary, byte[] content, string pageExtras = "")
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Write("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> {pageExtras}>>");
        offsets.Add(pdf.Position);
        Write($"4 0 obj\n{contentDictionary}\nstream\n");
        pdf.Write(content);
        Write("\nendstream\nendobj\n");
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            Write($"{offset:D10} 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    /// <summary>A PDF whose page shows <paramref name="text"/> (ASCII, no parentheses) in an uncompressed stream.</summary>
    /// <param name="text">The page's text.</param>
    /// <param name="pageExtras">More entries for the page dictionary.</param>
    public static byte[] TextPdf(string text, string pageExtras = "")
    {
        var content = Encoding.ASCII.GetBytes($"BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
        return Pdf($"<< /Length {content.Length} >>", content, pageExtras);
    }

    private static void Entry(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(content);
    }
}

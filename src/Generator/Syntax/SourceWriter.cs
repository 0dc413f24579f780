using System.CodeDom.Compiler;
using System.Globalization;
using System.IO;

namespace Specialized.Generator;

/// <summary>An indented writer with invariant formatting and '\n' line ends, so output is byte-identical on every machine.</summary>
internal sealed class SourceWriter
{
    private readonly StringWriter _text = new(CultureInfo.InvariantCulture) { NewLine = "\n" };
    private readonly IndentedTextWriter _writer;

    public SourceWriter(int indent = 0) => _writer = new IndentedTextWriter(_text, "    ") { NewLine = "\n", Indent = indent };

    public void Line(string line) => _writer.WriteLine(line);

    /// <summary>An empty line without trailing indentation.</summary>
    public void Line() => _writer.WriteLineNoTabs(string.Empty);

    public void Open(string line)
    {
        _writer.WriteLine(line);
        _writer.WriteLine("{");
        _writer.Indent++;
    }

    public void Close(string closing = "}")
    {
        _writer.Indent--;
        _writer.WriteLine(closing);
    }

    /// <summary>Text written by another writer at this one's indentation, copied as it is.</summary>
    public void Verbatim(string text)
    {
        _writer.Flush();
        _text.Write(text);
    }

    public override string ToString() => _text.ToString();

    /// <summary>Formats an integer the same way under every culture.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;

namespace Tandem.Evaluation;

/// <summary>Parses a Python list of string literals, as CUAD writes its answers: <c>['a', "b's"]</c>.</summary>
public static class PythonListLiteral
{
    /// <summary>The strings of the list; an empty or blank cell is an empty list.</summary>
    public static IReadOnlyList<string> Parse(string literal)
    {
        var items = new List<string>();
        var s = literal.Trim();
        if (s.Length == 0 || s == "[]")
        {
            return items;
        }

        if (s[0] != '[' || s[^1] != ']')
        {
            throw new FormatException($"not a list literal: {Preview(s)}");
        }

        var i = 1;
        while (i < s.Length - 1)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c == ',')
            {
                i++;
                continue;
            }

            if (c is not ('\'' or '"'))
            {
                throw new FormatException($"expected a quoted string at {i}: {Preview(s)}");
            }

            items.Add(ReadString(s, ref i));
        }

        return items;
    }

    private static string ReadString(string s, ref int i)
    {
        var quote = s[i++];
        var sb = new StringBuilder();
        while (i < s.Length)
        {
            var c = s[i++];
            if (c == quote)
            {
                return sb.ToString();
            }

            if (c != '\\' || i >= s.Length)
            {
                sb.Append(c);
                continue;
            }

            var e = s[i++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x' when i + 2 <= s.Length:
                    sb.Append((char)int.Parse(s.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 2;
                    break;
                case 'u' when i + 4 <= s.Length:
                    sb.Append((char)int.Parse(s.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }

        throw new FormatException($"unterminated string: {Preview(s)}");
    }

    private static string Preview(string s) => s.Length <= 60 ? s : s[..60] + "…";
}

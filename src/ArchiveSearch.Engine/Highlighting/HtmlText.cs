using System.Text;

namespace ArchiveSearch.Engine.Highlighting;

/// <summary>HTML-escapes article text for highlights, which clients insert as HTML.</summary>
internal static class HtmlText
{
    public static void AppendEscaped(StringBuilder sb, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                // Snippets are one line, and a run of breaks is one space; offsets stay those of the stored text.
                case '\r' or '\n' or '\t' or ' ':
                    if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' ');
                    break;
                default: sb.Append(c); break;
            }
        }
    }

    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        AppendEscaped(sb, text, 0, text.Length);
        return sb.ToString();
    }
}

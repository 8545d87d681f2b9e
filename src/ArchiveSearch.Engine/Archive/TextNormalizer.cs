using System.Text;

namespace ArchiveSearch.Engine.Archive;

/// <summary>Character folding shared by hashtags, facet keys and queries.</summary>
public static class TextNormalizer
{
    /// <summary>Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space become their half-width forms.</summary>
    public static string FoldWidth(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char folded = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                _ => c,
            };
            if (folded != c)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
            }
            sb?.Append(folded);
        }
        return sb?.ToString() ?? text;
    }

    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
            }
            else
            {
                sb.Append(c);
                lastWasSpace = false;
            }
        }
        return sb.ToString();
    }
}

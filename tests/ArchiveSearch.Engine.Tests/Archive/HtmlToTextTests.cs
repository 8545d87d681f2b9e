using ArchiveSearch.Engine.Archive;

namespace ArchiveSearch.Engine.Tests.Archive;

public class HtmlToTextTests
{
    [Theory]
    [InlineData("a<br>b", "a\nb")]
    [InlineData("a<br/>b<BR />c", "a\nb\nc")]
    [InlineData("<p>a</p><p>b</p>", "a\nb")]
    [InlineData("<div>a</div>b", "a\nb")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "one\ntwo")]
    [InlineData("a<br><br>b", "a\n\nb")]
    [InlineData("a<br><br><br><br>b", "a\n\nb")]
    [InlineData("<p>a</p>\n<p>b</p>", "a\nb")]
    [InlineData("<p>a</p><br><p>b</p>", "a\n\nb")]
    [InlineData("<h2>Title</h2>body", "Title\nbody")]
    [InlineData("a<br>\n\n<br>b", "a\n\nb")]
    [InlineData("plain line one\n\nplain line two", "plain line one\n\nplain line two")]
    public void Block_tags_become_line_breaks_and_blank_runs_collapse(string html, string text)
    {
        Assert.Equal(text, HtmlToText.Convert(html));
    }

    [Fact]
    public void Anchor_text_stays_and_its_target_never_appears()
    {
        var text = HtmlToText.Convert("see <a href=\"https://example.org/x?q=%23tag%23\" data-hide=\"\">the <b>paper</b></a>.");

        Assert.Equal("see the paper.", text);
    }

    [Fact]
    public void Images_are_dropped_entirely()
    {
        Assert.Equal("before\n\nafter",
            HtmlToText.Convert("before<img style=\"\" src=\"https://img.example/a.jpg\" referrerpolicy=\"no-referrer\"><br><br><img src='b.png'>after"));
    }

    [Fact]
    public void Script_and_style_bodies_are_dropped()
    {
        Assert.Equal("ab", HtmlToText.Convert("a<script type=\"text/javascript\">if (x < 1) alert('</p>');</script><STYLE>p { color: red }</STYLE>b"));
    }

    [Theory]
    [InlineData("Tom &amp; Jerry", "Tom & Jerry")]
    [InlineData("&#x4E2D;&#25991;", "中文")]
    [InlineData("&lt;b&gt;not bold&lt;/b&gt;", "<b>not bold</b>")]
    [InlineData("&quot;q&quot; &#39;s&#39;", "\"q\" 's'")]
    [InlineData("a&nbsp;b", "a b")]
    public void Entities_are_decoded_after_tags_are_removed(string html, string text)
    {
        Assert.Equal(text, HtmlToText.Convert(html));
    }

    [Fact]
    public void Lines_are_trimmed_and_the_result_has_no_outer_blank_lines()
    {
        Assert.Equal("a\n\nb", HtmlToText.Convert("<br><br>  a  <br>\n<br>   b&nbsp;<br><br>"));
    }

    [Fact]
    public void Comments_are_dropped()
    {
        Assert.Equal("ab", HtmlToText.Convert("a<!-- <p>hidden</p> -->b"));
    }

    [Theory]
    [InlineData("a < b and c > d", "a < b and c > d")]
    [InlineData("I <3 this", "I <3 this")]
    [InlineData("stray > here", "stray > here")]
    [InlineData("cut off <a href=\"https://example.org/secret", "cut off")]
    [InlineData("<", "<")]
    [InlineData("text<", "text<")]
    [InlineData("<a title=\"x>y\">link</a>", "link")]
    [InlineData("<b title=\"unbalanced>bold</b> rest", "bold rest")]
    [InlineData("<!-- never closed", "")]
    [InlineData("<script>never closed", "")]
    [InlineData("&#xZZZZ; &unknown;", "&#xZZZZ; &unknown;")]
    [InlineData("", "")]
    public void Malformed_html_never_throws(string html, string text)
    {
        Assert.Equal(text, HtmlToText.Convert(html));
    }
}

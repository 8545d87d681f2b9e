using System.Text.Json;
using ArchiveSearch.Web.Tests.Support;
using Microsoft.Playwright;

namespace ArchiveSearch.Web.Tests;

/// <summary>The page at / in headless Chromium: what a person does with it, and what they see.</summary>
[Collection(SearchPageCollection.Name)]
public sealed class SearchPageTests(SearchPageHost host)
{
    private static Task Shot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SearchPageHost.ScreenshotFolder, name + ".png"), FullPage = true });

    private async Task<int> ApiTotal(string query)
    {
        using var body = JsonDocument.Parse(await host.Api.GetStringAsync("/api/search?" + query));
        return body.RootElement.GetProperty("total").GetInt32();
    }

    private static async Task<int> ShownTotal(IPage page)
    {
        var summary = await page.Locator("#summary").InnerTextAsync();
        return int.Parse(summary.Split(' ')[0].Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Typing_a_chinese_query_shows_highlighted_hits()
    {
        var page = await host.OpenAsync();

        await page.Locator("#q").FillAsync("行为报告");

        await page.Locator(".result mark").First.WaitForAsync();
        Assert.Contains("行为", await page.Locator(".result mark").First.InnerTextAsync());
        Assert.Equal(await ApiTotal("q=%E8%A1%8C%E4%B8%BA%E6%8A%A5%E5%91%8A"), await ShownTotal(page));
        Assert.Contains("q=", page.Url);
        await Shot(page, "chinese-query");
    }

    [Fact]
    public async Task Typing_an_english_query_shows_hits()
    {
        var page = await host.OpenAsync();

        await page.Locator("#q").FillAsync("vector search");

        await page.Locator(".result mark").First.WaitForAsync();
        Assert.Equal(await ApiTotal("q=vector+search"), await ShownTotal(page));
    }

    [Fact]
    public async Task Typing_half_a_word_already_shows_the_articles_with_the_whole_word()
    {
        var page = await host.OpenAsync();

        await page.Locator("#q").FillAsync("Anthro");

        await page.Locator(".result mark").First.WaitForAsync();
        Assert.StartsWith("Anthropic", await page.Locator(".result mark").First.InnerTextAsync());
        Assert.Equal(0, await ApiTotal("q=Anthro"));
        Assert.Equal(await ApiTotal("q=Anthro&prefix=last"), await ShownTotal(page));
    }

    [Fact]
    public async Task A_misspelt_word_still_shows_the_articles_spelt_right()
    {
        var page = await host.OpenAsync();

        await page.Locator("#q").FillAsync("anthropik ");

        await page.Locator(".result mark").First.WaitForAsync();
        Assert.Equal("Anthropic", await page.Locator(".result mark").First.InnerTextAsync());
        Assert.Equal(await ApiTotal("q=anthropic"), await ShownTotal(page));
    }

    [Fact]
    public async Task A_word_no_result_contains_is_shown_struck_through_under_the_count()
    {
        var page = await host.OpenAsync();

        await page.Locator("#q").FillAsync("vector qwxzyplonk");

        await page.Locator("#missing").WaitForAsync();
        Assert.Equal("qwxzyplonk", await page.Locator("#missing-words").InnerTextAsync());
        Assert.Equal(await ApiTotal("q=vector"), await ShownTotal(page));
        await page.Locator("#q").FillAsync("vector");
        await page.Locator("#missing").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task A_pasted_text_over_the_word_limit_is_searched_and_the_words_left_out_are_shown()
    {
        var page = await host.OpenAsync();
        const string consonants = "bcdfghjklmnpqrtvwxz";
        var fillers = Enumerable.Range(0, 69).Select(i => $"zq{consonants[i / consonants.Length]}{consonants[i % consonants.Length]}").ToList();

        await page.Locator("#q").FillAsync("vector " + string.Join(' ', fillers) + " ");

        await page.Locator("#unsearched").WaitForAsync();
        Assert.Equal(string.Join(' ', fillers.TakeLast(6)), await page.Locator("#unsearched-words").InnerTextAsync());
        Assert.Equal(await ApiTotal("q=vector"), await ShownTotal(page));
        await page.Locator("#q").FillAsync("vector ");
        await page.Locator("#unsearched").WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    [Fact]
    public async Task Ticking_two_hashtags_shows_the_articles_with_either()
    {
        var page = await host.OpenAsync();
        await page.Locator("#facet-hashtag input").First.WaitForAsync();
        var first = await page.Locator("#facet-hashtag input").Nth(0).GetAttributeAsync("value");
        var second = await page.Locator("#facet-hashtag input").Nth(1).GetAttributeAsync("value");

        await page.Locator("#facet-hashtag input").Nth(0).CheckAsync();
        await page.WaitForURLAsync(url => url.Contains("hashtag="));
        await page.Locator($"#facet-hashtag input[value=\"{second}\"]").CheckAsync();
        var expected = await ApiTotal($"hashtag={Uri.EscapeDataString(first!)}&hashtag={Uri.EscapeDataString(second!)}");
        await page.WaitForFunctionAsync($"() => document.querySelector('#summary').textContent.startsWith('{expected} ')");

        Assert.Equal(expected, await ShownTotal(page));
        Assert.True(await page.Locator($"#facet-hashtag input[value=\"{first}\"]").IsCheckedAsync());
        Assert.True(await page.Locator($"#facet-hashtag input[value=\"{second}\"]").IsCheckedAsync());
        await Shot(page, "two-hashtags");
    }

    [Fact]
    public async Task Clicking_a_histogram_bar_narrows_to_that_month()
    {
        var page = await host.OpenAsync();
        var bar = page.Locator(".histogram .bar").Last;
        await bar.WaitForAsync();
        var from = await bar.GetAttributeAsync("data-from");
        var to = await bar.GetAttributeAsync("data-to");

        await bar.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains($"from={from}") && url.Contains($"to={to}"));
        var expected = await ApiTotal($"from={from}&to={to}");
        await page.WaitForFunctionAsync($"() => document.querySelector('#summary').textContent.startsWith('{expected} ')");
        Assert.Equal(expected, await ShownTotal(page));
    }

    [Fact]
    public async Task Reloading_the_url_restores_the_same_search()
    {
        var page = await host.OpenAsync("?q=rust&sort=newest&hashtag=rust");
        await page.Locator(".result").First.WaitForAsync();
        var before = await page.Locator(".result h3").AllInnerTextsAsync();

        await page.ReloadAsync();

        await page.Locator(".result").First.WaitForAsync();
        Assert.Equal("rust", await page.Locator("#q").InputValueAsync());
        Assert.Equal("newest", await page.Locator("#sort").InputValueAsync());
        Assert.True(await page.Locator("#facet-hashtag input[value=\"rust\"]").IsCheckedAsync());
        Assert.Equal(before, await page.Locator(".result h3").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Back_returns_to_the_previous_filters()
    {
        var page = await host.OpenAsync("?q=rust");
        await page.Locator(".result").First.WaitForAsync();
        await page.Locator("#sort").SelectOptionAsync("oldest");
        await page.WaitForURLAsync(url => url.Contains("sort=oldest"));

        await page.GoBackAsync();

        await page.WaitForFunctionAsync("() => document.querySelector('#sort').value === ''");
        Assert.DoesNotContain("sort=oldest", page.Url);
    }

    [Fact]
    public async Task Keyboard_slash_focuses_the_box_and_arrows_move_through_results()
    {
        var page = await host.OpenAsync("?q=rust");
        await page.Locator(".result").First.WaitForAsync();

        await page.Locator("body").ClickAsync(new LocatorClickOptions { Position = new Position { X = 5, Y = 500 } });
        await page.Keyboard.PressAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'q'"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('.result')"));
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement === document.querySelectorAll('.result')[1]"));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('.result')"));
    }

    [Fact]
    public async Task A_search_with_no_results_offers_to_remove_filters()
    {
        var page = await host.OpenAsync("?q=rust&from=2019-01-01&to=2019-01-31");
        await page.Locator("#empty").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await Shot(page, "no-results");

        await page.Locator("#clear-filters").ClickAsync();

        await page.Locator(".result").First.WaitForAsync();
        Assert.DoesNotContain("from=", page.Url);
    }

    [Fact]
    public async Task A_failing_service_shows_an_error()
    {
        var page = await host.Browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.RouteAsync("**/api/search**", route => route.FulfillAsync(new RouteFulfillOptions { Status = 500, Body = "{}", ContentType = "application/json" }));

        await page.GotoAsync(host.BaseAddress.ToString());

        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.Contains("HTTP 500", await page.Locator("#error").InnerTextAsync());
        await Shot(page, "error");
    }

    [Fact]
    public async Task Details_show_the_whole_article_as_text()
    {
        var page = await host.OpenAsync("?q=rust");
        await page.Locator(".details-button").First.ClickAsync();

        await page.Locator("#details").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#details-original").InnerTextAsync()));
        Assert.True(await page.Locator("#details-metadata dt").CountAsync() >= 2);
    }

    [Fact]
    public async Task The_page_works_dark_and_phone_sized()
    {
        var page = await host.OpenAsync("?q=%E5%A4%A7%E6%A8%A1%E5%9E%8B", new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 375, Height = 800 },
            ColorScheme = ColorScheme.Dark,
        });
        await page.Locator(".result").First.WaitForAsync();

        var background = await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).backgroundColor");
        var resultsRight = await page.EvaluateAsync<double>("() => document.querySelector('.results-column').getBoundingClientRect().right");
        var facetsTop = await page.EvaluateAsync<double>("() => document.querySelector('.facets').getBoundingClientRect().top");
        var resultsTop = await page.EvaluateAsync<double>("() => document.querySelector('.results-column').getBoundingClientRect().top");

        Assert.Equal("rgb(23, 24, 27)", background);
        Assert.InRange(resultsRight, 0, 375);
        Assert.True(facetsTop > resultsTop, "facets should stack under the results on a phone");
        await Shot(page, "phone-dark");
    }

    [Fact]
    public async Task The_count_says_result_for_one_and_results_for_more_in_both_languages()
    {
        var page = await host.OpenAsync("?q=AlpacaEval");
        await page.Locator(".result").First.WaitForAsync();
        Assert.Equal(1, await ApiTotal("q=AlpacaEval"));
        Assert.StartsWith("1 result · 共 1 条结果 · ", await page.Locator("#summary").InnerTextAsync());

        await page.Locator("#q").FillAsync("Kubernetes");

        await page.WaitForFunctionAsync("() => document.querySelector('#summary').textContent.startsWith('2 ')");
        Assert.StartsWith("2 results · 共 2 条结果 · ", await page.Locator("#summary").InnerTextAsync());
        Assert.Matches(@"^\d+ articles · 共 \d+ 篇 · index built ", await page.Locator("#status").InnerTextAsync());
    }

    [Fact]
    public async Task A_weibo_titles_leading_hashtags_are_shown_as_its_chips_with_their_highlights_and_snippets_show_no_hash_marks()
    {
        var page = await host.OpenAsync("?q=%E5%BC%80%E6%BA%90%E5%A4%A7%E6%A8%A1%E5%9E%8B"); // 开源大模型
        var post = page.Locator(".result[data-id=\"c2cadaac67556595\"]");
        await post.WaitForAsync();

        Assert.StartsWith("DeepSeek-V3 发布并开源，671B 参数 MoE", await post.Locator("h3").InnerTextAsync());
        Assert.Equal(["#DeepSeekV3", "#开源大模型", "#DeepSeek", "#大模型", "#人工智能"], await post.Locator(".tag").AllInnerTextsAsync());
        Assert.Equal("开源大模型", await post.Locator(".tag mark").InnerTextAsync());
        var snippet = await post.Locator(".snippet").InnerTextAsync();
        Assert.DoesNotMatch("#[^#\\s]+#", snippet);
        Assert.Equal(["DeepSeekV3", "开源大模型"], await post.Locator(".snippet .hashtag").AllInnerTextsAsync());
        Assert.Equal("开源大模型", await post.Locator(".snippet .hashtag mark").InnerTextAsync());
        await Shot(page, "hashtag-chips");
    }

    [Fact]
    public async Task Hashtags_are_read_as_the_engine_reads_them_a_title_of_hashtags_alone_keeps_them_and_a_cut_one_loses_its_mark()
    {
        var page = await host.OpenAsync();
        await page.Locator(".result").First.WaitForAsync();

        var tags = await page.EvaluateAsync<string[][]>("""
            async () => {
              const { weiboTags } = await import("/app.js");
              return ["#话题##另一个#正文", "C# and F#", "#rust and #go", "前文#话题#后文", "#\n#"]
                .map(t => weiboTags(t).map(tag => t.slice(tag.start, tag.end)));
            }
            """);
        var onlyTags = await page.EvaluateAsync<string[]>("""
            async () => {
              const { withHashtags } = await import("/app.js");
              return [withHashtags("#<mark>话题</mark>##另一个#", { dropLeading: true }), withHashtags("正文 #<mark>大模型</mark>##人工…")]
                .map(h => h.nodes.map(n => n.outerHTML ?? n.textContent).join("|"));
            }
            """);

        Assert.Equal([["#话题#", "#另一个#"], [], [], ["#话题#"], []], tags);
        Assert.Equal(
        [
            "<span class=\"hashtag\"><mark>话题</mark></span>|<span class=\"hashtag\">另一个</span>",
            "正文 |<span class=\"hashtag\"><mark>大模型</mark></span>|<span class=\"hashtag\">人工</span>|…",
        ], onlyTags);
    }

    [Fact]
    public async Task During_a_first_build_the_status_shows_a_progress_bar_the_time_left_and_the_count_so_far()
    {
        var page = await host.Browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        // What /health answers while a first build runs (the real one is pinned by the API tests).
        await page.RouteAsync("**/health", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "application/json",
            Body = """{"status":"indexing","articles":1200,"lastBuiltAt":null,"indexing":{"done":1300,"total":20000,"filesPerSecond":310.5,"etaSeconds":258}}""",
        }));

        await page.GotoAsync(host.BaseAddress.ToString());

        var bar = page.Locator("#indexing-progress");
        await bar.WaitForAsync();
        Assert.Equal("1300 of 20000", await bar.EvaluateAsync<string>("b => `${b.value} of ${b.max}`"));
        Assert.Equal("Indexing the archive: 1,300 of 20,000 files, about 4 min 18 s left · 1,200 articles searchable so far · 正在建立索引，已可搜索 1,200 篇",
            await page.Locator("#indexing-label").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#reindex").CountAsync());
    }
}

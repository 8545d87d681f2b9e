using System.Text.Json;
using System.Text.Json.Nodes;
using ArchiveSearch.Web.Tests.Support;
using Microsoft.Playwright;

namespace ArchiveSearch.Web.Tests;

/// <summary>The suggestion dropdown under the search box and the related articles in the details view, in headless Chromium.</summary>
[Collection(SearchPageCollection.Name)]
public sealed class SuggestAndRelatedPageTests(SearchPageHost host)
{
    private async Task<JsonElement> Api(string url)
    {
        using var body = JsonDocument.Parse(await host.Api.GetStringAsync(url));
        return body.RootElement.Clone();
    }

    private static ILocator Options(IPage page) => page.Locator("#suggestions .suggestion");

    [Fact]
    public async Task Typing_a_hashtag_lists_the_hashtags_it_begins_and_choosing_one_by_keyboard_filters_by_it()
    {
        var page = await host.OpenAsync();
        var expected = (await Api("/api/suggest?q=%23Cla&size=8")).GetProperty("suggestions").EnumerateArray()
            .Select(s => $"话题\t#{s.GetProperty("text").GetString()}\t{s.GetProperty("count").GetInt32()}").ToList();

        await page.Locator("#q").FillAsync("#Cla");

        await Options(page).First.WaitForAsync();
        Assert.Equal(expected, (await Options(page).AllInnerTextsAsync()).Select(t => t.Replace("\n", "\t")));
        Assert.Contains("话题\t#Claude 4 发布\t1", expected);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SearchPageHost.ScreenshotFolder, "suggestions.png") });
        var target = expected.FindIndex(e => e.Contains("#Claude 4 发布", StringComparison.Ordinal));
        for (var i = 0; i <= target; i++) await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("true", await Options(page).Nth(target).GetAttributeAsync("aria-selected"));
        Assert.Equal($"suggestion-{target}", await page.Locator("#q").GetAttributeAsync("aria-activedescendant"));
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains("hashtag=Claude+4+%E5%8F%91%E5%B8%83", StringComparison.Ordinal));
        var total = (await Api("/api/search?hashtag=Claude+4+%E5%8F%91%E5%B8%83")).GetProperty("total").GetInt32();
        await page.WaitForFunctionAsync($"() => document.querySelector('#summary').textContent.startsWith('{total} ')");
        Assert.True(await page.Locator("#facet-hashtag input[value=\"Claude 4 发布\"]").IsCheckedAsync());
        Assert.Equal("", await page.Locator("#q").InputValueAsync());
        Assert.True(await page.Locator("#suggestions").IsHiddenAsync());
    }

    [Fact]
    public async Task Choosing_a_word_with_the_mouse_completes_the_last_word_and_searches_it()
    {
        var page = await host.OpenAsync();

        await page.Locator("#q").FillAsync("kube");
        var word = Options(page).Filter(new LocatorFilterOptions { HasText = "kubernetes" }).First;
        await word.WaitForAsync();
        Assert.Equal("suggestion word", await word.GetAttributeAsync("class"));
        await word.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("q=kubernetes", StringComparison.Ordinal));
        Assert.Equal("kubernetes ", await page.Locator("#q").InputValueAsync());
        var total = (await Api("/api/search?q=kubernetes")).GetProperty("total").GetInt32();
        await page.WaitForFunctionAsync($"() => document.querySelector('#summary').textContent.startsWith('{total} ')");
    }

    [Fact]
    public async Task Escape_closes_the_suggestions_and_keeps_what_was_typed()
    {
        var page = await host.OpenAsync();

        await page.Locator("#q").FillAsync("vect");
        await Options(page).First.WaitForAsync();
        Assert.Equal("true", await page.Locator("#q").GetAttributeAsync("aria-expanded"));
        await page.Keyboard.PressAsync("Escape");

        Assert.True(await page.Locator("#suggestions").IsHiddenAsync());
        Assert.Equal("false", await page.Locator("#q").GetAttributeAsync("aria-expanded"));
        Assert.Equal("vect", await page.Locator("#q").InputValueAsync());
    }

    [Fact]
    public async Task Searches_send_prefix_last_while_the_last_word_is_typed_and_not_once_a_space_ends_it()
    {
        var page = await host.OpenAsync();
        await page.Locator(".result").First.WaitForAsync();
        static Func<IRequest, bool> SearchFor(string q) => r => r.Url.Contains($"/api/search?q={q}&", StringComparison.Ordinal);

        var typing = page.WaitForRequestAsync(SearchFor("Anthro"));
        await page.Locator("#q").FillAsync("Anthro");
        var whileTyping = (await typing).Url;
        var ended = page.WaitForRequestAsync(SearchFor("Anthropic"));
        await page.Locator("#q").FillAsync("Anthropic ");
        var afterSpace = (await ended).Url;

        Assert.Contains("prefix=last", whileTyping);
        Assert.DoesNotContain("prefix=", afterSpace);
    }

    [Fact]
    public async Task The_details_view_lists_related_articles_and_one_opens_in_its_place()
    {
        var page = await host.OpenAsync("?q=rust");
        var first = page.Locator(".result").First;
        await first.WaitForAsync();
        var id = await first.GetAttributeAsync("data-id");
        var related = (await Api($"/api/articles/{id}/related?size=5")).GetProperty("articles").EnumerateArray().ToList();

        await first.Locator(".details-button").ClickAsync();

        var items = page.Locator("#details-related li[data-id]");
        await items.First.WaitForAsync();
        Assert.Equal(related.Select(r => r.GetProperty("id").GetString()), await items.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.id)"));
        Assert.NotEmpty(related);
        Assert.Equal(related[0].GetProperty("title").GetString(), await items.First.Locator(".related-link").InnerTextAsync());
        await page.Locator("#details-related").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SearchPageHost.ScreenshotFolder, "related.png") });

        await items.First.Locator(".related-link").ClickAsync();

        await page.WaitForFunctionAsync($"t => document.querySelector('#details-title').textContent === t", related[0].GetProperty("title").GetString());
        Assert.True(await page.Locator("#details").IsVisibleAsync());
        // Its own related articles replace the first one's (relatedness is not symmetric: compare with the API's).
        var next = related[0].GetProperty("id").GetString();
        var nextRelated = (await Api($"/api/articles/{next}/related?size=5")).GetProperty("articles").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToArray();
        await page.WaitForFunctionAsync("ids => [...document.querySelectorAll('#details-related li[data-id]')].map(i => i.dataset.id).join() === ids.join()", nextRelated);
        Assert.DoesNotContain(next, nextRelated);
    }

    [Fact]
    public async Task A_near_duplicate_is_marked_in_the_related_list()
    {
        var page = await host.OpenAsync("?q=rust");
        // The sample archive holds no article saved twice (the API tests pin the flag on one that is): mark the
        // service's own first related article as one, to see how the page shows it.
        await page.RouteAsync("**/related?**", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            body["articles"]![0]!["nearDuplicate"] = true;
            await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body.ToJsonString() });
        });
        await page.Locator(".details-button").First.ClickAsync();

        var items = page.Locator("#details-related li[data-id]");
        await items.First.WaitForAsync();

        Assert.Equal("near-duplicate · 重复收藏", await items.First.Locator(".badge").InnerTextAsync());
        Assert.Equal("near-duplicate", await items.First.GetAttributeAsync("class"));
        Assert.Equal(0, await items.Nth(1).Locator(".badge").CountAsync());
        await items.First.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SearchPageHost.ScreenshotFolder, "related-near-duplicate.png") });
    }
}

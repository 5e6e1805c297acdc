using System.Net;
using System.Text.Json.Nodes;
using Jiebang.IntegrationTests.Infrastructure;

namespace Jiebang.IntegrationTests.Platform.Feed;

/// <summary>Reads the change feed the way a portal does: page by page from a cursor to its end.</summary>
public static class FeedFollower
{
    /// <summary>How long a follower may take to reach the end of the feed before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    /// <summary>Follows the feed from the start (or a cursor) to its end, page by page.</summary>
    public static async Task<(List<JsonNode> Items, string Next)> FollowAsync(HttpClient client, string? after = null, int limit = 50)
    {
        var items = new List<JsonNode>();
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"following the feed did not reach its end within {Limit.TotalSeconds} s ({items.Count} events read, last cursor {after})");
            var url = $"/api/v1/feed?limit={limit}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            var page = await client.GetAsync(url).Expect(HttpStatusCode.OK);
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            after = (string)page["next"]!;
            if (!(bool)page["hasMore"]!)
            {
                return (items, after);
            }
        }
    }

    /// <summary>The types of the events about one resource that the caller receives, in feed order.</summary>
    public static async Task<List<string>> ReceivedAsync(HttpClient client, object resourceId) =>
        (await FollowAsync(client, limit: 500)).Items.Where(i => (string?)i["resourceId"] == resourceId.ToString()).Select(i => (string)i["type"]!).ToList();
}

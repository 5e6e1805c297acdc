using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.IntegrationTests.Platform.Feed;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Platform.Organisations;

/// <summary>The organisation registry: registration, look-up, credit standing, correction and verification, one use case per file.</summary>
public abstract partial class OrganisationsTests(JiebangHost host) : HostTests(host)
{
    private const string Url = "/api/v1/organisations";

    /// <summary>A fresh credit code with a right check character; positions 3-8 carry the region.</summary>
    private static string NewCode(string region = "110108", string kind = "91")
    {
        var random = Guid.NewGuid().ToByteArray();
        var body = new string(random.Take(7).Select(b => CreditCode.Alphabet[b % CreditCode.Alphabet.Length]).ToArray());
        return Cast.Code(kind + region + "MA" + body);
    }

    private static object Body(string code, string? name = null, string type = "Enterprise", string? region = null,
        bool independentLegalPerson = true, string? commercialisationBase = null) => new
    {
        creditCode = code,
        name = name ?? Scenario.Unique("测试单位"),
        type,
        regionCode = region ?? CreditCode.RegionOf(code),
        independentLegalPerson,
        commercialisationBase,
    };

    private async Task<JsonNode> RegisterAsync(object body, string who = Cast.TaskForce) =>
        await (await Host.As(who)).PostJson(Url, body).Expect(HttpStatusCode.Created);

    /// <summary>The body as text with Chinese left as it is (ToJsonString escapes it, so a search for it would never match).</summary>
    private static string Unescaped(JsonNode node) =>
        node.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private async Task<int> RowsWithCodeAsync(string code)
    {
        await using var connection = await Host.Db.OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM platform_organisation WHERE credit_code = @Code", new { Code = code });
    }

    private async Task<string[]> AuditActionsAsync(object id)
    {
        var tf = await Host.As(Cast.TaskForce);
        var page = await tf.GetAsync($"/api/v1/audit?entityType=Organisation&entityId={id}").Expect(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(a => (string)a!["action"]!).Reverse().ToArray();
    }

    private static string NewInstitutionCode(string region, string kind = "12")
    {
        var random = Guid.NewGuid().ToByteArray();
        var body = new string(random.Take(7).Select(b => CreditCode.Alphabet[b % CreditCode.Alphabet.Length]).ToArray());
        return Cast.Code(kind + region + "40" + body);
    }

    private static object Correction(string name, string region = "110108", string? commercialisationBase = "技术转移中心",
        string reason = "核对法人证书：漏填成果转化基地") => new
    {
        name, type = "University", regionCode = region, independentLegalPerson = true, commercialisationBase, reason,
    };

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> VerifyAsync(HttpClient client, string id, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Url}/{id}/verify");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return await client.SendAsync(request);
    }

    /// <summary>The caller's feed events about one resource, the feed followed to its end within <see cref="FeedFollower.Limit"/>.</summary>
    private static async Task<List<JsonNode>> FeedAboutAsync(HttpClient client, string id) =>
        (await FeedFollower.FollowAsync(client, limit: 200)).Items.Where(i => (string?)i["resourceId"] == id).ToList();

    [Fact]
    public async Task The_store_finds_many_organisations_by_id_with_what_eligibility_needs()
    {
        var university = await RegisterAsync(Body(NewCode("110108", "12"), type: "University", commercialisationBase: "成果转化基地"));
        var hongKong = await RegisterAsync(Body(NewCode("810000"), region: "810000", independentLegalPerson: false));
        var ids = Enumerable.Range(0, 600).Select(_ => Guid.NewGuid())
            .Append(Guid.Parse((string)university["id"]!)).Append(Guid.Parse((string)hongKong["id"]!)).Append(Host.Cast.ApplicantOrg)
            .ToList();
        var store = Host.Services.GetRequiredService<OrganisationStore>();
        var found = await store.FindManyAsync(ids);
        Assert.Equal(3, found.Count);
        var u = found[Guid.Parse((string)university["id"]!)];
        Assert.Equal(OrganisationType.University, u.Type);
        Assert.Equal("成果转化基地", u.CommercialisationBase);
        Assert.True(u.IndependentLegalPerson);
        Assert.True(u.IsMainland);
        Assert.Equal(CreditStanding.Good, u.CreditStanding);
        var h = found[Guid.Parse((string)hongKong["id"]!)];
        Assert.False(h.IndependentLegalPerson);
        Assert.False(h.IsMainland);
        Assert.Equal("810000", h.RegionCode);
        Assert.Equal("测试揭榜高校", found[Host.Cast.ApplicantOrg].Name);
        Assert.Empty(await store.FindManyAsync([]));
    }
}

public sealed class OrganisationsTestsOnSqlite(SqliteHost host) : OrganisationsTests(host), IClassFixture<SqliteHost>;
public sealed class OrganisationsTestsOnPostgres(PostgresHost host) : OrganisationsTests(host), IClassFixture<PostgresHost>;
public sealed class OrganisationsTestsOnSqlServer(SqlServerHost host) : OrganisationsTests(host), IClassFixture<SqlServerHost>;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.IntegrationTests.Platform.Organisations;

public abstract partial class OrganisationsTests
{
    [Fact]
    public async Task A_valid_registration_answers_201_with_location_etag_and_the_whole_record_and_is_audited()
    {
        var code = NewCode("110108", "12");
        var client = await Host.As(Cast.Applicant);
        var response = await client.PostJson(Url, Body(code, "北京测试大学", "University", commercialisationBase: "技术转移中心"));
        var created = await Task.FromResult(response).Expect(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal($"/api/v1/organisations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(code, (string?)created["creditCode"]);
        Assert.Equal("北京测试大学", (string?)created["name"]);
        Assert.Equal("University", (string?)created["type"]);
        Assert.Equal("高校", (string?)created["typeName"]);
        Assert.Equal("110108", (string?)created["regionCode"]);
        Assert.Equal("北京市海淀区", (string?)created["regionName"]);
        Assert.True((bool)created["mainland"]!);
        Assert.True((bool)created["independentLegalPerson"]!);
        Assert.Equal("Good", (string?)created["creditStanding"]);
        Assert.Null(created["creditSource"]);
        Assert.Null(created["creditRecordedOn"]);
        Assert.Equal("技术转移中心", (string?)created["commercialisationBase"]);
        Assert.False((bool)created["isDemo"]!);
        Assert.Equal(1, (int)created["version"]!);

        var read = await client.GetAsync($"{Url}/{id}");
        var got = await Task.FromResult(read).Expect(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
        Assert.Equal(created.ToJsonString(), got.ToJsonString());
        Assert.Equal(["Register"], await AuditActionsAsync(id));
    }

    [Fact]
    public async Task Registering_a_code_again_with_the_same_facts_returns_the_record_and_with_other_facts_is_refused_with_409()
    {
        var code = NewCode();
        var body = Body(code, "原名称有限公司");
        var first = await RegisterAsync(body, Cast.IssuerA);
        var issuer = await Host.As(Cast.IssuerA);
        var again = await DatabaseSnapshot.Unchanged(Host, () => issuer.PostJson(Url, body).Expect(HttpStatusCode.OK));
        Assert.Equal(first.ToJsonString(), again.ToJsonString());

        var differs = await DatabaseSnapshot.Unchanged(Host, () =>
            issuer.PostJson(Url, Body(code, "另一个名称有限公司", "SocialOrganisation", independentLegalPerson: false))
                .ExpectProblem(HttpStatusCode.Conflict, "organisation.already_registered"));
        Assert.Contains("工作专班", (string?)differs["detail"]);
        Assert.Contains("task force", (string?)differs["detail"]);
        Assert.DoesNotContain("原名称", Unescaped(differs));
        // One field is enough: a university that forgot its 成果转化基地 is not silently kept without it.
        await DatabaseSnapshot.Unchanged(Host, () =>
            issuer.PostJson(Url, Body(code, "原名称有限公司", commercialisationBase: "技术转移中心"))
                .ExpectProblem(HttpStatusCode.Conflict, "organisation.already_registered"));
        Assert.Equal(1, await RowsWithCodeAsync(code));
    }

    [Fact]
    public async Task A_mutated_check_character_is_refused_with_its_position_and_stores_nothing()
    {
        var code = NewCode();
        var wrongCheck = code[..17] + CreditCode.Alphabet.First(c => c != code[17]);
        var tf = await Host.As(Cast.TaskForce);
        var problem = await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(wrongCheck)).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var message = (string)problem["errors"]!["creditCode"]![0]!;
        Assert.Contains("第18位", message);
        Assert.Contains("Character 18", message);
        Assert.Contains($"'{code[17]}'", message);

        var badLetter = code[..9] + "I" + code[10..];
        var other = await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(badLetter, region: "110108")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Contains("第10位", (string)other["errors"]!["creditCode"]![0]!);
        Assert.Contains("Character 10", (string)other["errors"]!["creditCode"]![0]!);
        Assert.Equal(0, await RowsWithCodeAsync(wrongCheck));
    }

    [Fact]
    public async Task Malformed_requests_are_refused_with_field_errors_and_store_nothing()
    {
        var tf = await Host.As(Cast.TaskForce);
        var unknownPrefix = await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode(), region: "990101")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Contains("99", (string)unknownPrefix["errors"]!["regionCode"]![0]!);
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode(), region: "11010")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode(), region: "11O108")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var noName = await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode(), name: " ")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.NotNull(noName["errors"]!["name"]);
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode(), type: "Hospital")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var code = NewCode();
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, new { creditCode = code, name = "缺少字段", type = "Enterprise", regionCode = "110108" })
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, new { creditCode = code, name = "缺少类型", regionCode = "110108", independentLegalPerson = true })
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }

    [Fact]
    public async Task Hong_kong_macau_and_taiwan_codes_are_accepted_into_the_registry_as_not_mainland()
    {
        var hongKong = await RegisterAsync(Body(NewCode("810000"), region: "810000"));
        Assert.False((bool)hongKong["mainland"]!);
        Assert.Equal("香港特别行政区", (string?)hongKong["regionName"]);
        var macau = await RegisterAsync(Body(NewCode("820000"), region: "820000"));
        Assert.False((bool)macau["mainland"]!);
        var taiwan = await RegisterAsync(Body(NewCode("710000"), region: "710000"));
        Assert.False((bool)taiwan["mainland"]!);
        Assert.Equal("台湾省", (string?)taiwan["regionName"]);

        var row = await Host.Services.GetRequiredService<OrganisationStore>().FindAsync(Guid.Parse((string)hongKong["id"]!));
        Assert.NotNull(row);
        Assert.False(row.IsMainland);
    }

    [Fact]
    public async Task The_region_must_lie_inside_the_division_of_the_authority_the_credit_code_names()
    {
        var tf = await Host.As(Cast.TaskForce);
        // A 香港 code (authority 810000) cannot become mainland by stating a Beijing region.
        var hongKong = "918100002N6W9UDK4H";
        var problem = await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(hongKong, region: "110108")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Contains("登记管理机关", (string)problem["errors"]!["regionCode"]![0]!);
        Assert.Contains("registration authority (810000)", (string)problem["errors"]!["regionCode"]![0]!);
        Assert.Equal(0, await RowsWithCodeAsync(hongKong));
        // County-level authority: only itself.
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode("310115"), region: "110108")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode("110105"), region: "110108")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        // A region code that does not exist in GB/T 2260.
        var missing = await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode("110108"), region: "110199")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.Contains("110199", (string)missing["errors"]!["regionCode"]![0]!);
        // Province-level, prefecture-level and national authorities allow the regions inside their divisions.
        var municipal = await RegisterAsync(Body(NewCode("110000"), region: "110108"));
        Assert.Equal("北京市海淀区", (string?)municipal["regionName"]);
        Assert.True((bool)municipal["mainland"]!);
        await RegisterAsync(Body(NewCode("440100"), region: "440106"));
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode("440100"), region: "440305")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        var national = await RegisterAsync(Body(NewCode("100000"), region: "310115"));
        Assert.True((bool)national["mainland"]!);
        Assert.Equal("上海市浦东新区", (string?)national["regionName"]);
        await DatabaseSnapshot.Unchanged(Host, () =>
            tf.PostJson(Url, Body(NewCode("100000"), region: "810000")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
    }

    [Fact]
    public async Task A_district_key_registers_units_inside_its_district_only()
    {
        var district = Host.WithApiKey(Host.Cast.DistrictKey);
        var inside = await district.PostJson(Url, Body(NewCode("110108"))).Expect(HttpStatusCode.Created);
        Assert.Equal("110108", (string?)inside["regionCode"]);
        Assert.Equal(["Register"], await AuditActionsAsync((string)inside["id"]!));

        var outsideCode = NewCode("110105");
        var refused = await DatabaseSnapshot.Unchanged(Host, () =>
            district.PostJson(Url, Body(outsideCode)).ExpectProblem(HttpStatusCode.Forbidden, "district.out_of_scope"));
        Assert.Contains("110108", (string)refused["detail"]!);
        Assert.Equal(0, await RowsWithCodeAsync(outsideCode));

        // A unit registered elsewhere cannot be claimed by naming a local region: its code says where it is.
        var chaoyang = await RegisterAsync(Body(NewCode("110105")));
        await DatabaseSnapshot.Unchanged(Host, () =>
            district.PostJson(Url, Body((string)chaoyang["creditCode"]!, region: "110108")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        // Nor a Shanghai code as a unit of this district.
        await DatabaseSnapshot.Unchanged(Host, () =>
            district.PostJson(Url, Body(NewCode("310115"), region: "110108")).ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));

        // A code of a higher-level authority is in scope when the region it states is inside the district.
        var municipalCode = NewCode("110000");
        var municipal = await district.PostJson(Url, Body(municipalCode, region: "110108")).Expect(HttpStatusCode.Created);
        await district.GetAsync($"{Url}/{municipal["id"]}").Expect(HttpStatusCode.OK);
        await DatabaseSnapshot.Unchanged(Host, () =>
            district.PostJson(Url, Body(NewCode("110000"), region: "110105")).ExpectProblem(HttpStatusCode.Forbidden, "district.out_of_scope"));
    }

    [Fact]
    public async Task Out_of_scope_a_district_key_gets_the_same_answer_whether_the_unit_exists_or_not()
    {
        var district = Host.WithApiKey(Host.Cast.DistrictKey);
        var existing = await RegisterAsync(Body(NewCode("110105"), "朝阳区已登记企业"));
        await district.GetAsync($"{Url}/{existing["id"]}").ExpectProblem(HttpStatusCode.NotFound, "not_found");

        var forExisting = await DatabaseSnapshot.Unchanged(Host, () =>
            district.PostJson(Url, Body((string)existing["creditCode"]!, "朝阳区已登记企业")).ExpectProblem(HttpStatusCode.Forbidden, "district.out_of_scope"));
        var forMissing = await DatabaseSnapshot.Unchanged(Host, () =>
            district.PostJson(Url, Body(NewCode("110105"), "朝阳区未登记企业")).ExpectProblem(HttpStatusCode.Forbidden, "district.out_of_scope"));
        foreach (var field in new[] { "traceId", "instance" })
        {
            forExisting.AsObject().Remove(field);
            forMissing.AsObject().Remove(field);
        }
        Assert.Equal(forMissing.ToJsonString(), forExisting.ToJsonString());

        // Same facts but a different stated region: the code's own authority decides, before any look-up.
        var differentRegion = await DatabaseSnapshot.Unchanged(Host, () =>
            district.PostJson(Url, Body((string)existing["creditCode"]!, "朝阳区已登记企业", region: "110108"))
                .ExpectProblem(HttpStatusCode.BadRequest, "validation_failed"));
        Assert.DoesNotContain("朝阳区已登记企业", Unescaped(differentRegion));
    }

    [Fact]
    public async Task Twenty_concurrent_registrations_of_one_new_code_end_with_one_row_and_the_same_organisation_for_all()
    {
        var code = NewCode();
        var clients = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Host.As(i % 2 == 0 ? Cast.TaskForce : Cast.Applicant)));
        var responses = await Task.WhenAll(clients.Select(c => c.PostJson(Url, Body(code, "并发登记有限公司"))));
        var bodies = await Task.WhenAll(responses.Select(async r => (r.StatusCode, Body: JsonNode.Parse(await r.Content.ReadAsStringAsync())!)));
        Assert.All(bodies, b => Assert.True(b.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{(int)b.StatusCode}: {b.Body.ToJsonString()}"));
        Assert.Single(bodies, b => b.StatusCode == HttpStatusCode.Created);
        Assert.Single(bodies.Select(b => (string?)b.Body["id"]).Distinct());
        Assert.Equal(1, await RowsWithCodeAsync(code));
        Assert.Equal(["Register"], await AuditActionsAsync((string)bodies[0].Body["id"]!));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Organisations;

namespace Jiebang.IntegrationTests.OpenApi;

/// <summary>
/// The generated document says everything the API does: descriptions in Chinese and English, the response headers, the
/// statuses every operation can answer, string enums where the values are fixed, the precision of hundredths, and
/// examples and roles that are true. Each test reads the document the host generates; some also ask the host itself.
/// </summary>
public sealed partial class ContractDocumentationTests(SqliteHost host) : HostTests(host), IClassFixture<SqliteHost>
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await Host.Anonymous().GetStringAsync("/swagger/v1/swagger.json"))!;

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (p.Key, o.Key, o.Value!.AsObject())));

    private static JsonObject Schema(JsonNode document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    private static JsonObject Operation(JsonNode document, string operationId) =>
        Operations(document).Single(o => (string?)o.Operation["operationId"] == operationId).Operation;

    private static bool Bilingual(string? text) => text is not null && Cjk().IsMatch(text) && text.Any(char.IsAsciiLetter);

    [Fact]
    public async Task Every_operation_schema_and_property_has_a_description_in_Chinese_and_English()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            if (!Bilingual((string?)operation["description"]))
            {
                missing.Add($"operation {(string?)operation["operationId"]} ({method.ToUpperInvariant()} {path})");
            }
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
            {
                if ((string?)parameter!["in"] == "query" && !Bilingual((string?)parameter["description"]))
                {
                    missing.Add($"query parameter {(string?)operation["operationId"]}.{(string?)parameter["name"]}");
                }
            }
        }
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            if (!Bilingual((string?)schema!["description"]))
            {
                missing.Add($"schema {name}");
            }
            foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
            {
                if (!Bilingual((string?)propertySchema!["description"]))
                {
                    missing.Add($"property {name}.{property}");
                }
            }
        }
        Assert.True(missing.Count == 0,
            $"{missing.Count} without a Chinese and English description (write a bilingual <summary>, or add the name to " +
            "Host/OpenApi/Glossary.cs) / 以下内容缺少中英文说明:\n" + string.Join("\n", missing.Take(100)));
    }

    [Fact]
    public async Task Xml_summaries_reach_schemas_properties_and_query_parameters()
    {
        var document = await DocumentAsync();
        Assert.Contains("The state of an expert's score sheet", (string?)Schema(document, "ScoreStatus")["description"]);
        Assert.Contains("The `next` cursor of the previous page", (string?)Operation(document, "Feed_Read")["parameters"]!.AsArray()
            .Single(p => (string?)p!["name"] == "after")!["description"]);
        // An English-only summary keeps its English and gets the glossary's Chinese term.
        var applicationId = (string?)Schema(document, "SignAgreementRequest")["properties"]!["applicationId"]!["description"];
        Assert.Equal("申报书标识 / The selected application the agreement is for; the parties are its issuer, lead and members.", applicationId);
    }

    [Fact]
    public async Task Response_headers_are_documented_on_the_responses_that_carry_them()
    {
        var document = await DocumentAsync();
        JsonObject? Headers(string operationId, string status) => Operation(document, operationId)["responses"]![status]!["headers"]?.AsObject();

        Assert.True(Headers("Challenges_Get", "200")?.ContainsKey("ETag"), "Challenges_Get 200 has ETag");
        Assert.True(Headers("Challenges_Update", "200")?.ContainsKey("ETag"), "Challenges_Update 200 has ETag");
        Assert.True(Headers("Challenges_Create", "201")?.ContainsKey("Location"), "Challenges_Create 201 has Location");
        Assert.True(Headers("Applications_StartExportJob", "202")?.ContainsKey("Location"), "a job start's 202 has Location");
        Assert.True(Headers("Applications_Create", "201")?.ContainsKey("Idempotent-Replayed"), "an idempotent create says it may be a replay");
        Assert.True(Headers("Agreements_Sign", "201")?.ContainsKey("Idempotent-Replayed"), "Agreements_Sign says it may be a replay");
        // What is not sent is not documented: the Funding writes answer without an ETag, the list without a Location.
        Assert.Null(Headers("Agreements_Disburse", "200")?["ETag"]);
        Assert.Null(Headers("Challenges_List", "200")?["Location"]);
        foreach (var (_, _, operation) in Operations(document))
        {
            foreach (var status in new[] { "429", "503" })
            {
                Assert.True(operation["responses"]![status]?["headers"]?["Retry-After"] is not null,
                    $"{(string?)operation["operationId"]} {status} documents Retry-After");
            }
        }
    }

    [Fact]
    public async Task Every_operation_declares_401_and_every_operation_with_a_body_415_as_problem_documents()
    {
        var document = await DocumentAsync();
        foreach (var (_, _, operation) in Operations(document))
        {
            var id = (string?)operation["operationId"];
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses["401"]?["content"]?["application/problem+json"] is not null, $"{id} declares 401 as a problem");
            Assert.Contains("auth.invalid_credentials", responses["401"]!["x-problem-codes"]!.AsArray().Select(c => (string?)c));
            if (operation["requestBody"] is not null)
            {
                Assert.True(responses["415"]?["content"]?["application/problem+json"] is not null, $"{id} declares 415 as a problem");
            }
            else
            {
                Assert.False(responses.ContainsKey("415"), $"{id} has no body and cannot answer 415");
            }
        }
        // Anonymous operations never ask for credentials: their 401 is only for credentials that do not authenticate.
        Assert.Equal(["auth.invalid_credentials"], Operation(document, "Challenges_List")["responses"]!["401"]!["x-problem-codes"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task Every_operation_answers_401_to_a_token_that_does_not_authenticate_as_documented()
    {
        var document = await DocumentAsync();
        var client = Host.Anonymous();
        var wrong = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Regex.Replace(path, "{[^}]+}", _ => Guid.NewGuid().ToString()));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
            if (operation["requestBody"]?["content"]?["application/json"] is not null)
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized || operation["responses"]!["401"] is null)
            {
                wrong.Add($"{(string?)operation["operationId"]}: {(int)response.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, "Operations that did not answer 401 to a bad token as documented:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_operation_with_a_body_answers_415_to_a_content_type_it_does_not_declare()
    {
        var document = await DocumentAsync();
        var client = Host.Anonymous();
        var wrong = new List<string>();
        foreach (var (path, method, operation) in Operations(document).Where(o => o.Operation["requestBody"] is not null))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), Regex.Replace(path, "{[^}]+}", _ => Guid.NewGuid().ToString()))
            {
                Content = new StringContent("x", Encoding.UTF8, "text/plain"),
            };
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.UnsupportedMediaType)
            {
                wrong.Add($"{(string?)operation["operationId"]}: {(int)response.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, "Operations with a body that did not answer 415 to text/plain:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("AgreementDetail", "status", "AgreementStatus")]
    [InlineData("Acceptance", "agreementStatus", "AgreementStatus")]
    [InlineData("AgreementParty", "role", "PartyRole")]
    [InlineData("LedgerEntry", "kind", "LedgerKind")]
    [InlineData("ProgressReport", "status", "ProgressReportStatus")]
    [InlineData("ReviewAssignment", "status", "AssignmentStatus")]
    [InlineData("ReviewAssignment", "scoreStatus", "ScoreStatus")]
    [InlineData("BoardAssignment", "status", "AssignmentStatus")]
    [InlineData("BoardAssignment", "scoreStatus", "ScoreStatus")]
    [InlineData("ResolveObjectionRequest", "outcome", "ObjectionOutcome")]
    public async Task Status_and_kind_fields_are_string_enums(string schema, string property, string enumName)
    {
        var document = await DocumentAsync();
        var reference = (string?)Schema(document, schema)["properties"]![property]!["allOf"]?[0]?["$ref"];
        Assert.Equal($"#/components/schemas/{enumName}", reference);
        var values = Schema(document, enumName);
        Assert.Equal("string", (string?)values["type"]);
        Assert.NotEmpty(values["enum"]!.AsArray());
    }

    [Fact]
    public async Task An_objection_outcome_offers_only_the_outcomes_the_handler_accepts()
    {
        var document = await DocumentAsync();
        Assert.Equal(["Upheld", "Dismissed"], Schema(document, "ObjectionOutcome")["enum"]!.AsArray().Select(v => (string?)v));
    }

    [Fact]
    public async Task The_feed_type_lists_every_event_type_with_its_data_keys_and_says_to_order_by_cursor()
    {
        var document = await DocumentAsync();
        var constants = typeof(FeedTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        // A string, not an enum: a C# client generated with System.Text.Json cannot read dotted enum values (the portal
        // contract test failed that way). Every event type must be described with its data keys.
        var type = Schema(document, "FeedItem")["properties"]!["type"]!;
        Assert.Equal("string", (string?)type["type"]);
        var description = (string?)type["description"] ?? "";
        foreach (var constant in constants)
        {
            Assert.Matches($"{Regex.Escape(constant)}( and [a-z_.]+)? \\([a-zA-Z, ]+\\)", description);
        }
        var occurredAt = (string?)Schema(document, "FeedItem")["properties"]!["occurredAt"]!["description"] ?? "";
        Assert.Contains("cursor order", occurredAt);
        Assert.Contains("游标顺序", occurredAt);
    }

    [Theory]
    [InlineData("CriterionInput", "weight", 0.01, 100.0)]
    [InlineData("CriterionInput", "threshold", 0.0, null)]
    [InlineData("CreateRoundRequest", "passThreshold", 0.0, 100000.0)]
    [InlineData("CreateRoundRequest", "spreadLimit", 0.01, 100000.0)]
    [InlineData("UpdateRoundRequest", "passThreshold", 0.0, 100000.0)]
    [InlineData("ScoreValue", "score", 0.0, null)]
    [InlineData("ReviewRound", "passThreshold", null, null)]
    [InlineData("ReviewCriterion", "weight", null, null)]
    [InlineData("ItemResultView", "trimmedMean", null, null)]
    public async Task Scores_weights_and_thresholds_are_declared_as_hundredths(string schema, string property, double? minimum, double? maximum)
    {
        var document = await DocumentAsync();
        var node = Schema(document, schema)["properties"]![property]!;
        Assert.Equal(0.01, (double?)node["multipleOf"]);
        Assert.Equal(minimum, (double?)node["minimum"]);
        Assert.Equal(maximum, (double?)node["maximum"]);
    }

    [Fact]
    public async Task Round_results_are_documented_for_the_task_force_and_auditors_only_and_experts_are_refused_by_role()
    {
        var document = await DocumentAsync();
        var description = (string?)Operation(document, "Rounds_Results")["description"] ?? "";
        var roles = description.Split('\n').Single(l => l.StartsWith("角色 / Roles: ", StringComparison.Ordinal));
        Assert.Equal("角色 / Roles: TaskForce, Auditor", roles);

        var expert = await Host.As(Cast.Expert);
        await expert.GetAsync($"/api/v1/review/rounds/{Guid.NewGuid()}/results").ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task The_example_credit_code_passes_its_own_check_and_a_malformed_one_is_documented_as_400()
    {
        var document = await DocumentAsync();
        var example = Operation(document, "Organisations_Register")["requestBody"]!["content"]!["application/json"]!["example"]!;
        var code = (string)example["creditCode"]!;
        Assert.True(CreditCode.Validate(code).IsValid, $"the example credit code {code} fails its check: {CreditCode.Validate(code).MessageEn}");

        var list = Operation(document, "Organisations_List");
        Assert.Contains("400", list["responses"]!.AsObject().Select(r => r.Key));
        var parameter = list["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "creditCode")!;
        Assert.Contains("400", (string?)parameter["description"]);
        Assert.Contains("400 validation_failed", (string?)list["description"]);
    }
}

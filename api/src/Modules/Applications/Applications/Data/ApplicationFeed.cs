using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Feed;
using Jiebang.Platform.Writes;

namespace Jiebang.Applications.Data;

/// <summary>
/// Tells the change feed that an application's status changed, in the write that changed it. Only the applicant's side
/// (lead and members, and district keys covering them) sees it: an issuer learns of applications through its own list
/// after the deadline, never through the feed while they are sealed.
/// </summary>
internal static class ApplicationFeed
{
    private const string Select = """
        SELECT a.id AS Id, a.code AS Code, a.challenge_id AS ChallengeId, a.lead_organisation_id AS LeadOrganisationId
        FROM applications_application a WHERE a.id = @Id
        """;

    private const string Members = "SELECT organisation_id FROM applications_member WHERE application_id = @Id";

    /// <summary>For a write that has the row (with its members) as it now stands.</summary>
    public static Task StatusChangedAsync(Write w, ApplicationRow row, ApplicationStatus from, ApplicationStatus to) =>
        w.FeedAsync(Event(row.Id, row.Code, row.ChallengeId, row.Members.Select(m => m.OrganisationId).Append(row.LeadOrganisationId), from, to));

    /// <summary>For a write that changed the status without loading the row.</summary>
    public static async Task StatusChangedAsync(Write w, Guid id, ApplicationStatus from, ApplicationStatus to)
    {
        var row = await w.Connection.QuerySingleAsync<Row>(Select, new { Id = id }, w.Transaction);
        var members = await w.QueryAsync<Guid>(Members, new { Id = id });
        await w.FeedAsync(Event(id, row.Code, row.ChallengeId, members.Append(row.LeadOrganisationId), from, to));
    }

    private static FeedEvent Event(Guid id, string code, Guid challengeId, IEnumerable<Guid> organisations, ApplicationStatus from,
        ApplicationStatus to) =>
        new(FeedTypes.ApplicationStatusChanged, "application", id, FeedAudience.Of(organisations.ToList(), Roles.Applicant, Roles.District),
            new Dictionary<string, string>
            {
                ["code"] = code,
                ["challengeId"] = challengeId.ToString(),
                ["from"] = from.ToString(),
                ["status"] = to.ToString(),
            });

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public Guid ChallengeId { get; set; }
        public Guid LeadOrganisationId { get; set; }
    }
}

using System.Data.Common;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Feed;

namespace Jiebang.Applications.Features.Shared;

/// <summary>
/// Tells the change feed that an application's status changed, in the transaction that changed it. Only the applicant's
/// side (lead and members, and district keys covering them) sees it: an issuer learns of applications through its own
/// list after the deadline, never through the feed while they are sealed.
/// </summary>
internal sealed class ApplicationFeed(FeedWriter feed)
{
    private const string Select = """
        SELECT a.id AS Id, a.code AS Code, a.challenge_id AS ChallengeId, a.lead_organisation_id AS LeadOrganisationId
        FROM applications_application a WHERE a.id = @Id
        """;

    private const string Members = "SELECT organisation_id FROM applications_member WHERE application_id = @Id";

    public async Task StatusChangedAsync(DbConnection connection, DbTransaction tx, Guid id, ApplicationStatus from, ApplicationStatus to)
    {
        var row = await connection.QuerySingleAsync<Row>(Select, new { Id = id }, tx);
        var organisations = (await connection.QueryAsync<Guid>(Members, new { Id = id }, tx)).Append(row.LeadOrganisationId).ToList();
        await feed.AppendAsync(connection, tx, new FeedEvent(FeedTypes.ApplicationStatusChanged, "application", id,
            FeedAudience.Of(organisations, Roles.Applicant, Roles.District),
            new Dictionary<string, string>
            {
                ["code"] = row.Code,
                ["challengeId"] = row.ChallengeId.ToString(),
                ["from"] = from.ToString(),
                ["status"] = to.ToString(),
            }));
    }

    private sealed class Row
    {
        public Guid Id { get; set; }
        public string Code { get; set; } = "";
        public Guid ChallengeId { get; set; }
        public Guid LeadOrganisationId { get; set; }
    }
}

using System.Data.Common;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Database;

namespace Jiebang.Applications.Data;

/// <summary>Reads across many applications: who sees which (list, export), a batch for the formal check, counts for Challenges.</summary>
internal static class ApplicationSearch
{
    /// <summary>
    /// The rows a caller may see, as SQL over applications_application a (the same rule as <see cref="ApplicationRow.IsVisibleTo"/>):
    /// used by the list and the export.
    /// </summary>
    public static Conditions Visible(Caller caller)
    {
        var where = new Conditions();
        if (caller.ReadsEverything)
        {
            return where;
        }
        if (caller.IsApplicant && caller.OrganisationId is not null)
        {
            return where.And("a.lead_organisation_id = @Org OR EXISTS (SELECT 1 FROM applications_member m " +
                "WHERE m.application_id = a.id AND m.organisation_id = @Org)");
        }
        if (caller.IsDistrict && caller.DistrictCode is not null)
        {
            return where.And("a.lead_region_code LIKE @DistrictPrefix OR EXISTS (SELECT 1 FROM applications_member m " +
                "WHERE m.application_id = a.id AND m.region_code LIKE @DistrictPrefix)");
        }
        if (caller.IsIssuer && caller.OrganisationId is not null)
        {
            return where.And("a.issuer_organisation_id = @Org AND a.closes_at <= @Now AND a.status NOT IN ('Draft', 'Withdrawn')");
        }
        return where.And("1 = 0");
    }

    private const string SubmittedInBatch =
        "SELECT a.id FROM applications_application a WHERE a.batch_id = @Batch AND a.status = 'Submitted' ORDER BY a.code";

    private const string DecidedInBatch = "SELECT COUNT(*) FROM applications_application WHERE batch_id = @Batch AND eligibility IS NOT NULL";

    private const string DeadlinesInBatch = "SELECT DISTINCT closes_at FROM applications_application WHERE batch_id = @Batch AND status <> 'Draft'";

    public static async Task<IReadOnlyList<Guid>> SubmittedInBatchAsync(DbConnection connection, Guid batch) =>
        (await connection.QueryAsync<Guid>(SubmittedInBatch, new { Batch = batch })).AsList();

    public static Task<int> CountDecidedInBatchAsync(DbConnection connection, Guid batch) =>
        connection.ExecuteScalarAsync<int>(DecidedInBatch, new { Batch = batch });

    /// <summary>The deadlines of a batch's applications past Draft, for the window to judge.</summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> DeadlinesInBatchAsync(DbConnection connection, Guid batch) =>
        (await connection.QueryAsync<DateTimeOffset>(DeadlinesInBatch, new { Batch = batch })).AsList();

    private const string CountAwaiting = "SELECT COUNT(*) FROM applications_application WHERE challenge_id = @Id AND status = @Submitted";

    private const string CountEligible = "SELECT COUNT(*) FROM applications_application WHERE challenge_id = @Id AND eligibility = @Eligible";

    /// <summary>A challenge's applications awaiting the formal check, and those found eligible.</summary>
    public static async Task<(int Awaiting, int Eligible)> CountsOfChallengeAsync(DbConnection connection, Guid challengeId) =>
        (await connection.ExecuteScalarAsync<int>(CountAwaiting, new { Id = challengeId, Submitted = nameof(ApplicationStatus.Submitted) }),
            await connection.ExecuteScalarAsync<int>(CountEligible, new { Id = challengeId, Eligible = nameof(EligibilityOutcome.Eligible) }));
}

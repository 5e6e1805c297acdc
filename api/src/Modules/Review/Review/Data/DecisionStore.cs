using System.Data.Common;
using Dapper;
using Jiebang.Review.Contracts;

namespace Jiebang.Review.Data;

internal sealed class DecisionRow
{
    public Guid ItemId { get; set; }
    public Guid SubjectId { get; set; }
    /// <summary>The challenge: the subject itself in a need round, the application's challenge in an application round.</summary>
    public Guid? ChallengeId { get; set; }
    public string SubjectCode { get; set; } = "";
    public ReviewDecisionOutcome Outcome { get; set; }
    public string Reason { get; set; } = "";
}

internal static class DecisionStore
{
    private const string Select = """
        SELECT d.item_id AS ItemId, i.subject_id AS SubjectId, i.challenge_id AS ChallengeId, i.subject_code AS SubjectCode,
               d.outcome AS Outcome, d.reason AS Reason
        FROM review_decision d JOIN review_item i ON i.id = d.item_id WHERE d.round_id = @RoundId ORDER BY i.added_at, i.id
        """;

    public const string OpenObjections = "SELECT COUNT(*) FROM review_objection WHERE round_id = @RoundId AND status = 'Open'";

    public static async Task<List<DecisionRow>> ForRoundAsync(DbConnection connection, Guid roundId, DbTransaction? tx = null) =>
        (await connection.QueryAsync<DecisionRow>(Select, new { RoundId = roundId }, tx)).AsList();
}

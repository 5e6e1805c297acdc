using System.Data.Common;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Database;

namespace Jiebang.Applications.Data;

/// <summary>Inserts a draft with the next code of its challenge; used by the endpoint and by the demo data.</summary>
internal static class ApplicationWriter
{
    private const string CountCounter = "SELECT COUNT(*) FROM applications_counter WHERE challenge_id = @ChallengeId";

    private const string EnsureCounter = "INSERT INTO applications_counter (challenge_id, next_no) VALUES (@ChallengeId, 0)";

    private const string NextNumber = "UPDATE applications_counter SET next_no = next_no + 1 WHERE challenge_id = @ChallengeId";

    private const string ReadNumber = "SELECT next_no FROM applications_counter WHERE challenge_id = @ChallengeId";

    public const string Insert = """
        INSERT INTO applications_application (id, code, challenge_id, challenge_code, challenge_title, batch_id, issuer_organisation_id,
            closes_at, lead_organisation_id, lead_organisation_name, lead_region_code, status, eligibility, eligibility_results,
            eligibility_checked_at, eligibility_override_reason, content, own_investment_fen, submitted_version, submitted_at,
            created_by, created_by_district, is_demo, created_at, updated_at, version)
        VALUES (@Id, @Code, @ChallengeId, @ChallengeCode, @ChallengeTitle, @BatchId, @IssuerOrganisationId,
            @ClosesAt, @LeadOrganisationId, @LeadOrganisationName, @LeadRegionCode, @Status, NULL, NULL,
            NULL, NULL, @Content, @OwnInvestmentFen, 0, NULL,
            @CreatedBy, @CreatedByDistrict, @IsDemo, @Now, @Now, 1)
        """;

    private const string ConfirmDemo = """
        INSERT INTO applications_confirmation (application_id, organisation_id, role, budget_share_bp, confirmed_at, confirmed_by,
            confirmed_by_district)
        VALUES (@Id, @OrganisationId, @Role, @BudgetShareBp, @Now, '演示数据 / demo data', NULL)
        """;

    /// <summary>Makes sure the challenge's counter row exists, outside the caller's transaction (a lost race is harmless).</summary>
    public static async Task EnsureCounterAsync(DbConnectionFactory db, Guid challengeId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<int>(CountCounter, new { ChallengeId = challengeId }) > 0)
        {
            return;
        }
        try
        {
            await connection.ExecuteAsync(EnsureCounter, new { ChallengeId = challengeId });
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another request created it first.
        }
    }

    public static async Task<Guid> InsertAsync(DbConnection connection, DbTransaction tx, ChallengeInfo challenge, Party lead,
        IReadOnlyList<Party> parties, ApplicationContent content, Guid? createdBy, string? district, bool isDemo, DateTimeOffset now)
    {
        await connection.ExecuteAsync(NextNumber, new { ChallengeId = challenge.Id }, tx);
        var number = await connection.ExecuteScalarAsync<int>(ReadNumber, new { ChallengeId = challenge.Id }, tx);
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(Insert, new
        {
            Id = id, Code = $"{challenge.Code}-S{number:D3}", ChallengeId = challenge.Id, ChallengeCode = challenge.Code,
            ChallengeTitle = challenge.Title, challenge.BatchId, IssuerOrganisationId = challenge.IssuerOrganisationId, challenge.ClosesAt,
            LeadOrganisationId = lead.OrganisationId, LeadOrganisationName = lead.Name, LeadRegionCode = lead.RegionCode,
            Status = nameof(ApplicationStatus.Draft), Content = ApplicationStore.Serialize(content), content.OwnInvestmentFen,
            CreatedBy = createdBy, CreatedByDistrict = district, IsDemo = isDemo, Now = now,
        }, tx);
        await ApplicationStore.ReplaceMembersAsync(connection, tx, id, parties);
        if (isDemo)
        {
            // Demo consortia are agreed ones: every member but the lead has confirmed, labelled as demo data.
            await connection.ExecuteAsync(ConfirmDemo, parties.Where(p => p.OrganisationId != lead.OrganisationId).Select(p => new
            {
                Id = id, p.OrganisationId, Role = p.Role.ToString(), p.BudgetShareBp, Now = now,
            }), tx);
        }
        return id;
    }
}

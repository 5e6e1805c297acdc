using System.Data.Common;
using Dapper;
using Jiebang.Applications.Contracts;
using Jiebang.Applications.Domain;
using Jiebang.Applications.Features.Shared;
using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Database;

namespace Jiebang.Applications.Features.CreateApplication;

/// <summary>Inserts a draft with the next code of its challenge; used by the endpoint and by the demo data.</summary>
internal static class ApplicationWriter
{
    /// <summary>Makes sure the challenge's counter row exists, outside the caller's transaction (a lost race is harmless).</summary>
    public static async Task EnsureCounterAsync(DbConnectionFactory db, Guid challengeId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM applications_counter WHERE challenge_id = @ChallengeId", new { ChallengeId = challengeId }) > 0)
        {
            return;
        }
        try
        {
            await connection.ExecuteAsync(Data.EnsureCounter, new { ChallengeId = challengeId });
        }
        catch (Exception ex) when (DbErrors.IsUniqueViolation(ex))
        {
            // Another request created it first.
        }
    }

    public static async Task<Guid> InsertAsync(DbConnection connection, DbTransaction tx, ChallengeInfo challenge, Party lead,
        IReadOnlyList<Party> parties, ApplicationContent content, Guid? createdBy, string? district, bool isDemo, DateTimeOffset now)
    {
        await connection.ExecuteAsync(Data.NextNumber, new { ChallengeId = challenge.Id }, tx);
        var number = await connection.ExecuteScalarAsync<int>(Data.ReadNumber, new { ChallengeId = challenge.Id }, tx);
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(Data.Insert, new
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
            await connection.ExecuteAsync(Data.ConfirmDemo, parties.Where(p => p.OrganisationId != lead.OrganisationId).Select(p => new
            {
                Id = id, p.OrganisationId, Role = p.Role.ToString(), p.BudgetShareBp, Now = now,
            }), tx);
        }
        return id;
    }
}

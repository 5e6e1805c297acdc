using System.Data.Common;
using Dapper;
using Jiebang.Challenges.Contracts;
using Jiebang.Challenges.Features.ListBatches;
using Jiebang.Challenges.Features.Shared;

namespace Jiebang.Challenges.Features.CreateChallenge;

/// <summary>Inserts a challenge with its next code in the batch; used by the endpoint and by the demo data.</summary>
internal static class ChallengeWriter
{
    /// <returns>The new id, or null when the batch does not exist or no longer collects needs.</returns>
    public static async Task<Guid?> InsertAsync(DbConnection connection, DbTransaction tx, Guid batchId, Guid organisationId,
        string organisationName, ChallengeContent content, ChallengeStatus status, Guid? createdBy, DateTimeOffset now,
        bool isDemo, string? sourceNote, bool anyBatchStatus = false)
    {
        var bumped = anyBatchStatus
            ? await connection.ExecuteAsync("UPDATE challenges_batch SET challenge_seq = challenge_seq + 1 WHERE id = @BatchId", new { BatchId = batchId }, tx)
            : await connection.ExecuteAsync(Data.NextNumber, new { BatchId = batchId, Draft = nameof(BatchStatus.Draft) }, tx);
        if (bumped == 0)
        {
            return null;
        }
        var number = await connection.QuerySingleAsync<Data.Number>(Data.ReadNumber, new { BatchId = batchId }, tx);
        var id = Guid.CreateVersion7();
        await connection.ExecuteAsync(Data.Insert, new
        {
            Id = id,
            Code = $"{number.Code}-{number.Seq:D3}",
            BatchId = batchId,
            OrganisationId = organisationId,
            OrganisationName = organisationName,
            Field = content.Field.ToString(),
            Title = content.Title.Trim(),
            TitleEn = string.IsNullOrWhiteSpace(content.TitleEn) ? null : content.TitleEn.Trim(),
            Background = content.Background.Trim(),
            Deliverables = ChallengeStore.SerializeDeliverables(content.Deliverables),
            content.RdMonths,
            content.PlannedInvestmentFen,
            ProcurementAmountFen = content.Procurement.AmountFen,
            ProcurementQuantity = content.Procurement.Quantity,
            ProcurementTerms = content.Procurement.Terms,
            ContactName = content.Contact.Name.Trim(),
            ContactPhone = content.Contact.Phone.Trim(),
            ContactEmail = content.Contact.Email,
            Status = status.ToString(),
            SourceNote = sourceNote,
            IsDemo = isDemo,
            CreatedBy = createdBy,
            Now = now,
        }, tx);
        await ChallengeStore.ReplaceIndicatorsAsync(connection, tx, id, content.Indicators);
        return id;
    }
}

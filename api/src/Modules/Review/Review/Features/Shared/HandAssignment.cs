using System.Data.Common;
using Dapper;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Features.Shared;

/// <summary>
/// The rules of an assignment made by hand (assigning or reassigning): never an inactive or conflicted expert, never one
/// back on an item it was on; departures from the automatic rules (field, load, count) are allowed with the written
/// reason and listed for the audit log.
/// </summary>
internal static class HandAssignment
{
    private const string EverOnItem = "SELECT COUNT(*) FROM review_assignment WHERE item_id = @ItemId AND expert_id = @ExpertId";

    private const string Load = "SELECT COUNT(*) FROM review_assignment WHERE round_id = @RoundId AND expert_id = @ExpertId AND status = 'Active'";

    public static async Task<(IResult? Refusal, List<string> Departures)> CheckAsync(DbConnection connection, DbTransaction tx, RoundRow round,
        ItemRow item, ExpertRow expert, int activeOnItem)
    {
        if (!expert.Active)
        {
            return (Problems.Conflict("review.expert_inactive", "该专家已停用", "The expert is not active"), []);
        }
        var pool = expert.ToPool(0);
        if (pool.IsConflictedWith(item.ConflictSet(), item.PeopleList()))
        {
            return (Problems.Conflict("review.expert_conflicted", "该专家与论证对象的相关单位或人员存在利益冲突，不能指派",
                "The expert is tied to an organisation or a person of the item and cannot be assigned"), []);
        }
        if (await connection.ExecuteScalarAsync<int>(EverOnItem, new { ItemId = item.Id, ExpertId = expert.Id }, tx) > 0)
        {
            return (Problems.Conflict("review.already_assigned", "该专家已在（或曾在）此论证对象上", "The expert is or was already on this item"), []);
        }
        var load = await connection.ExecuteScalarAsync<int>(Load, new { RoundId = round.Id, ExpertId = expert.Id }, tx);
        var departures = new List<string>();
        if (!pool.Fields.Contains(item.Field))
        {
            departures.Add("FieldMismatch");
        }
        if (load >= round.MaxLoad)
        {
            departures.Add("OverMaxLoad");
        }
        if (activeOnItem >= round.ExpertsPerItem)
        {
            departures.Add("OverCount");
        }
        return (null, departures);
    }
}

using Jiebang.Challenges.Contracts;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Review.Domain;

/// <summary>
/// The rules of an assignment made by hand (assigning or reassigning): never an inactive or conflicted expert, never one
/// back on an item it was on; departures from the automatic rules (field, load, count) are allowed with the written
/// reason and listed for the audit log.
/// </summary>
internal static class HandAssignment
{
    /// <summary>Why the expert may not be put on the item by hand, in the order the rules are checked; null when it may.</summary>
    public static IResult? Refusal(bool active, PoolExpert expert, IReadOnlySet<Guid> organisations, IReadOnlyList<PersonRef> people, bool everOnItem)
    {
        if (!active)
        {
            return Problems.Conflict("review.expert_inactive", "该专家已停用", "The expert is not active");
        }
        if (expert.IsConflictedWith(organisations, people))
        {
            return Problems.Conflict("review.expert_conflicted", "该专家与论证对象的相关单位或人员存在利益冲突，不能指派",
                "The expert is tied to an organisation or a person of the item and cannot be assigned");
        }
        return everOnItem
            ? Problems.Conflict("review.already_assigned", "该专家已在（或曾在）此论证对象上", "The expert is or was already on this item")
            : null;
    }

    /// <summary>The automatic rules the assignment departs from: FieldMismatch, OverMaxLoad, OverCount.</summary>
    public static List<string> Departures(PoolExpert expert, ChallengeField field, int load, int maxLoad, int activeOnItem, int expertsPerItem)
    {
        var departures = new List<string>();
        if (!expert.Fields.Contains(field))
        {
            departures.Add("FieldMismatch");
        }
        if (load >= maxLoad)
        {
            departures.Add("OverMaxLoad");
        }
        if (activeOnItem >= expertsPerItem)
        {
            departures.Add("OverCount");
        }
        return departures;
    }
}

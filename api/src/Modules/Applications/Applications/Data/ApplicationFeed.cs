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
    /// <summary>For the row (with its members) as the write loaded it.</summary>
    public static Task StatusChangedAsync(Write w, ApplicationRow row, ApplicationStatus from, ApplicationStatus to) =>
        w.FeedAsync(new FeedEvent(FeedTypes.ApplicationStatusChanged, "application", row.Id,
            FeedAudience.Of(row.Members.Select(m => m.OrganisationId).Append(row.LeadOrganisationId).ToList(), Roles.Applicant, Roles.District),
            new Dictionary<string, string>
            {
                ["code"] = row.Code,
                ["challengeId"] = row.ChallengeId.ToString(),
                ["from"] = from.ToString(),
                ["status"] = to.ToString(),
            }));
}

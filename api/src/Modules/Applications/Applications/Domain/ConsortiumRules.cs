using Jiebang.Applications.Data;
using Jiebang.Applications.Views;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Applications.Domain;

/// <summary>
/// Who an application speaks for: the organisation that controls it (an applicant user's own, or the lead a district portal
/// names) is its lead; every other member confirms its participation itself (联合申报协议).
/// </summary>
internal static class ConsortiumRules
{
    public const string LeadMustBeApplicant = "application.lead_must_be_applicant";
    public const string NotAMember = "application.not_a_member";

    /// <summary>
    /// 400 on <c>members</c> unless the controlling organisation is the consortium's Lead member (an empty list means it
    /// applies alone).
    /// </summary>
    public static IResult? LeadRefusal(Guid controller, ApplicationContent content)
    {
        if (content.Members.Count == 0 || content.Members.Any(m => m.OrganisationId == controller && m.Role == ConsortiumRole.Lead))
        {
            return null;
        }
        return Problems.Of(StatusCodes.Status400BadRequest, LeadMustBeApplicant, "The applicant must be the lead",
            "申报单位须作为牵头单位列入联合体成员 / The applying organisation must be the consortium's lead member",
            new Dictionary<string, string[]>
            {
                ["members"] =
                [
                    "联合体成员须包含申报单位本身，且其角色为牵头单位 / The members must include the applying organisation itself, as the lead",
                ],
            });
    }

    /// <summary>
    /// The member a caller confirms (or withdraws) for, with the checks every confirmation change makes in one order:
    /// 404 when the caller may not see the application; 400 when a district portal names no organisation; 403 when an
    /// applicant user names another organisation or a district does not cover the member; 409 when the organisation is
    /// not a member other than the lead, after the deadline, in a state past submission, or when the version is stale (412).
    /// </summary>
    public static (IResult? Refusal, MemberView? Member) Target(ApplicationRow? row, Caller caller, Guid? named, DateTimeOffset now,
        int? expectedVersion)
    {
        static (IResult?, MemberView?) Refuse(IResult problem) => (problem, null);
        if (row is null || !row.IsVisibleTo(caller, now) || !(caller.IsApplicant || caller.IsDistrict))
        {
            return Refuse(Problems.NotFound("application"));
        }
        Guid organisationId;
        if (caller.IsApplicant)
        {
            if (caller.OrganisationId is not { } own || (named is { } asked && asked != own))
            {
                return Refuse(Problems.Forbidden("申报单位用户只能为本单位确认或撤回确认",
                    "An applicant user can only confirm or withdraw for its own organisation"));
            }
            organisationId = own;
        }
        else if (named is { } asked && asked != Guid.Empty)
        {
            organisationId = asked;
        }
        else
        {
            return Refuse(Problems.Validation("organisationId", "须指定联合单位", "The member organisation is required"));
        }
        var member = row.Members.FirstOrDefault(m => m.OrganisationId == organisationId);
        if (member is null || organisationId == row.LeadOrganisationId)
        {
            return Refuse(Problems.Conflict(NotAMember, "该单位不是本申报书的联合单位（牵头单位以提交表明同意，无需确认）",
                "The organisation is not a consortium member of this application (the lead agrees by submitting and confirms nothing)"));
        }
        if (caller.IsDistrict && !caller.CoversRegion(member.RegionCode))
        {
            return Refuse(Problems.Of(StatusCodes.Status403Forbidden, "district.out_of_scope", "Outside the district",
                "该单位不在本区范围内 / The unit is outside this district's scope"));
        }
        if (ApplicationLifecycle.TimingRefusal(row, now, expectedVersion) is { } refusal)
        {
            return Refuse(refusal);
        }
        return (null, member);
    }

    /// <summary>The member to confirm or withdraw for; refuses (throws) as <see cref="Target"/> says.</summary>
    public static MemberView Member(ApplicationRow? row, Caller caller, Guid? named, DateTimeOffset now, int? expectedVersion)
    {
        var (refusal, member) = Target(row, caller, named, now, expectedVersion);
        return refusal is null ? member! : throw Platform.Writes.Write.Refuse(refusal);
    }
}

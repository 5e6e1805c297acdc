using Jiebang.Platform.Auth;
using Jiebang.Platform.Users.Data;
using Jiebang.Platform.Writes;

namespace Jiebang.Platform.Users;

/// <summary>
/// Where an account of a role belongs: an issuer or applicant to an organisation, an expert to its expert record, the task
/// force and auditors to neither; only issuers and applicants are unit administrators.
/// </summary>
internal static class AccountPlacement
{
    public static bool NeedsOrganisation(string role) => role is Roles.Issuer or Roles.Applicant;

    /// <summary>Refuses (400, or 409 for an expert record bound to another account) a placement that does not fit the role.</summary>
    public static async Task CheckAsync(Write w, IExpertAccounts? experts, string role, Guid? organisationId, Guid? expertId, bool orgAdmin,
        Guid? userId = null)
    {
        Write.Require(Roles.IsPersonRole(role), AccountProblems.Invalid("role",
            "角色应为工作专班、发榜单位、揭榜单位、专家或审计之一", "The role must be task force, issuer, applicant, expert or auditor"));
        if (NeedsOrganisation(role))
        {
            Write.Require(organisationId is not null, AccountProblems.Invalid("organisationId",
                "发榜单位和揭榜单位的账号须选择所属单位", "An issuer or applicant account needs its organisation"));
            Write.Require(await w.ExecuteScalarAsync<int>(PlacementData.OrganisationExists, new { Id = organisationId }) == 1,
                AccountProblems.Invalid("organisationId", "所选单位不存在", "The organisation does not exist"));
        }
        else
        {
            Write.Require(organisationId is null, AccountProblems.Invalid("organisationId",
                "只有发榜单位和揭榜单位的账号属于单位", "Only issuer and applicant accounts belong to an organisation"));
        }
        Write.Require(!orgAdmin || NeedsOrganisation(role), AccountProblems.Invalid("orgAdmin",
            "只有发榜单位和揭榜单位的账号可以是单位管理员", "Only issuer and applicant accounts can be unit administrators"));
        if (role == Roles.Expert)
        {
            Write.Require(expertId is not null, AccountProblems.Invalid("expertId",
                "专家账号须选择专家库记录", "An expert account needs its expert record"));
            var expert = experts is null ? null : await experts.FindAsync(w.Connection, w.Transaction, expertId!.Value);
            Write.Require(expert is not null, AccountProblems.Invalid("expertId", "所选专家库记录不存在", "The expert record does not exist"));
            Write.Require(expert!.UserId is null || expert.UserId == userId, AccountProblems.ExpertTaken());
        }
        else
        {
            Write.Require(expertId is null, AccountProblems.Invalid("expertId",
                "只有专家账号绑定专家库记录", "Only expert accounts are bound to an expert record"));
        }
    }
}

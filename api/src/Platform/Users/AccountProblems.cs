using Jiebang.Platform.Auth;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Users;

/// <summary>The refusals of account administration, with their stable codes.</summary>
internal static class AccountProblems
{
    public static IResult NotAdministrator() => Problems.Forbidden(
        "只有工作专班和单位管理员可以管理用户账号", "Only the task force and unit administrators manage user accounts");

    public static IResult ReadOnly() => Problems.Forbidden("审计人员只能查看用户账号，不能修改", "Auditors read user accounts but change none");

    public static IResult UserNameTaken(string userName) => Problems.Conflict("user.user_name_taken",
        $"用户名“{userName}”已被使用，请换一个", $"The user name '{userName}' is taken; choose another");

    public static IResult CannotDeactivateSelf() => Problems.Conflict("user.cannot_deactivate_self",
        "不能停用自己的账号", "You cannot deactivate your own account");

    public static IResult CannotChangeOwnRole() => Problems.Conflict("user.cannot_change_own_role",
        "不能修改自己的角色，请由另一位工作专班成员操作", "You cannot change your own role; ask another member of the task force");

    public static IResult ExpertTaken() => Problems.Conflict("user.expert_taken",
        "该专家库记录已绑定其他账号", "The expert record is already bound to another account");

    public static IResult RoleNotAllowed() => Problems.Of(StatusCodes.Status403Forbidden, "user.role_not_allowed", "Role not allowed",
        "单位管理员只能创建与自己角色相同的本单位账号 / A unit administrator creates accounts of its own role only");

    public static IResult OutsideOrganisation() => Problems.Of(StatusCodes.Status403Forbidden, "user.outside_organisation", "Outside the organisation",
        "单位管理员只能为本单位创建账号 / A unit administrator creates accounts of its own organisation only");

    /// <summary>The password policy's refusal: 400 on the field, its code the refusal's (password.too_short, ...).</summary>
    public static IResult Password(string field, PasswordPolicy.Refusal refusal) => Problems.Of(StatusCodes.Status400BadRequest, refusal.Code,
        "Password refused", $"{refusal.Chinese} / {refusal.English}",
        new Dictionary<string, string[]> { [field] = [$"{refusal.Chinese} / {refusal.English}"] });

    public static IResult Invalid(string field, string zh, string en) => Problems.Validation(field, zh, en);
}

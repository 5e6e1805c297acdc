using System.Text.RegularExpressions;
using Jiebang.Platform.Auth;
using Jiebang.Platform.Organisations;

namespace Jiebang.Platform.Registrations.Domain;

/// <summary>
/// The fields of a registration as the unit fills them in, and what each must satisfy. Messages name the fields as the
/// form labels them, in Chinese and English.
/// </summary>
internal sealed partial record RegistrationFields(
    string Name, string CreditCode, string OrgType, string LegalRepresentative, string AdminDisplayName, string AdminMobile,
    string AdminEmail, string AdminUserName, string AdminPassword)
{
    public const int MaxName = 200;
    public const int MaxPerson = 100;
    public const int MaxEmail = Auth.AccountRules.EmailMaxLength;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,49}$")]
    private static partial Regex UserName();

    public OrganisationType Type => Enum.Parse<OrganisationType>(OrgType);

    /// <summary>The 行政区划 of the registration authority (characters 3 to 8 of the credit code): the unit's registered region.</summary>
    public string RegionCode => Organisations.CreditCode.RegionOf(CreditCode);

    /// <summary>Field errors keyed by the form field (empty when the fields are acceptable), and the password policy's refusal, if any.</summary>
    public (Dictionary<string, string[]> Errors, PasswordPolicy.Refusal? Password) Check()
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        Text(Name, "name", "单位名称", "Unit name", MaxName, Add);
        var code = Organisations.CreditCode.Validate(CreditCode);
        if (!code.IsValid)
        {
            Add("creditCode", $"统一社会信用代码：{code.MessageZh} / Credit code: {code.MessageEn}");
        }
        else if (RegionCode != Regions.National && !Regions.Exists(RegionCode))
        {
            Add("creditCode", $"统一社会信用代码第3至8位“{RegionCode}”不是有效的行政区划代码（GB/T 2260） / " +
                              $"Credit code: characters 3 to 8 ('{RegionCode}') are not a known region code (GB/T 2260)");
        }
        if (!Enum.TryParse<OrganisationType>(OrgType, ignoreCase: false, out var type) || !Enum.IsDefined(type) || OrgType != type.ToString())
        {
            Add("orgType", "单位类型须为高校、科研院所、企业、新型研发机构或社会组织之一 / " +
                           "Unit type must be one of university, institute, enterprise, new R&D institution or social organisation");
        }
        Text(LegalRepresentative, "legalRepresentative", "法定代表人", "Legal representative", MaxPerson, Add);
        Text(AdminDisplayName, "adminDisplayName", "管理员姓名", "Administrator's name", MaxPerson, Add);
        if (!Auth.AccountRules.Mobile().IsMatch(AdminMobile))
        {
            Add("adminMobile", "管理员手机号须为11位手机号码 / Administrator's mobile must be an 11-digit mobile number");
        }
        if (AdminEmail.Length > MaxEmail || !Auth.AccountRules.Email().IsMatch(AdminEmail))
        {
            Add("adminEmail", "管理员邮箱格式不正确 / Administrator's email is not a valid address");
        }
        if (!UserName().IsMatch(AdminUserName))
        {
            Add("adminUserName", "管理员用户名须为3至50个字母、数字或 . _ -，以字母或数字开头 / " +
                                 "Administrator's user name must have 3 to 50 letters, digits or . _ -, starting with a letter or digit");
        }
        return (errors, PasswordPolicy.Check(AdminPassword, AdminUserName));
    }

    private static void Text(string value, string field, string zh, string en, int max, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(field, $"{zh}不能为空 / {en} is required");
        }
        else if (value.Trim().Length > max)
        {
            add(field, $"{zh}不能超过 {max} 个字符 / {en} may have at most {max} characters");
        }
        else if (value.Any(char.IsControl))
        {
            add(field, $"{zh}不能含控制字符 / {en} must not contain control characters");
        }
    }
}

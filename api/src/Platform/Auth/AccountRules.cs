using System.Text.RegularExpressions;
using Jiebang.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Jiebang.Platform.Auth;

/// <summary>What the account slices share: contact formats, the password refusal as a problem, a fresh security stamp.</summary>
public static partial class AccountRules
{
    public const int DisplayNameMaxLength = 100;
    public const int EmailMaxLength = 200;

    /// <summary>A mainland mobile number: 11 digits starting 13–19.</summary>
    [GeneratedRegex(@"^1[3-9][0-9]{9}$")]
    public static partial Regex Mobile();

    /// <summary>A plain address: one @, a dot in the domain, no spaces.</summary>
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    public static partial Regex Email();

    /// <summary>A new stamp: every token issued before it answers 401 from the next request on.</summary>
    public static string NewStamp() => Guid.NewGuid().ToString("N");

    /// <summary>The password policy's refusal as a 400 problem whose code is the refusal's (password.too_short, …), on the field.</summary>
    public static IResult Refused(string field, PasswordPolicy.Refusal refusal) =>
        Problems.Of(StatusCodes.Status400BadRequest, refusal.Code, "Password refused", $"{refusal.Chinese} / {refusal.English}",
            new Dictionary<string, string[]> { [field] = [$"{refusal.Chinese} / {refusal.English}"] });

    /// <summary>The password codes a change, reset or creation can answer (400).</summary>
    public static readonly string[] PasswordCodes =
        ["password.too_short", "password.too_long", "password.contains_user_name", "password.too_common"];
}

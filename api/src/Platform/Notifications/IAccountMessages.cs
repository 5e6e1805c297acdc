using Jiebang.Platform.Auth;

namespace Jiebang.Platform.Notifications;

/// <summary>The kinds of message an account is sent; stable names, used by the channels and in the log.</summary>
public static class AccountMessageKinds
{
    /// <summary>A one-time code for a forgotten password.</summary>
    public const string PasswordResetCode = "PasswordResetCode";
}

/// <summary>
/// Sends a message to a person about their own account (a password-reset code, …) through the account's email or mobile.
/// The notifications work (issue 18) adds the SMTP and SMS channels; until then <see cref="DevelopmentAccountMessages"/>
/// stands in. A channel must not make the request wait for a slow server: a request that sends answers in the same
/// time as one that does not (the reset request never tells whether an account exists).
/// </summary>
public interface IAccountMessages
{
    Task SendAsync(UserRecord user, string kind, string chinese, string english, CancellationToken ct = default);
}

/// <summary>One message as the development sink kept it.</summary>
public sealed record AccountMessage(Guid UserId, string UserName, string? Email, string? Mobile, string Kind, string Chinese, string English,
    DateTimeOffset SentAt);

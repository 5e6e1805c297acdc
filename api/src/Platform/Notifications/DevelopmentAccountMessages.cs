using System.Collections.Concurrent;
using Jiebang.Platform.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Jiebang.Platform.Notifications;

/// <summary>
/// The stand-in channel until email and SMS exist: in Development (and the test hosts' Testing environment) it writes the
/// whole message, code included, to the log (category Jiebang.AccountMessages) and keeps the last
/// <see cref="Kept"/> messages in memory for tests. Anywhere else it delivers nothing and logs only that a message of that
/// kind could not be delivered, never its content: a code in a production log would let whoever reads the log reset the
/// password.
/// </summary>
public sealed class DevelopmentAccountMessages(ILoggerFactory loggers, IHostEnvironment environment, TimeProvider clock)
    : IAccountMessages
{
    public const int Kept = 100;
    public const string LogCategory = "Jiebang.AccountMessages";
    private readonly ILogger logger = loggers.CreateLogger(LogCategory);
    private readonly ConcurrentQueue<AccountMessage> _recent = new();
    private readonly bool _showContent = environment.IsDevelopment() || environment.IsEnvironment(PlatformModule.TestingEnvironment);

    public Task SendAsync(UserRecord user, string kind, string chinese, string english, CancellationToken ct = default)
    {
        if (!_showContent)
        {
            logger.LogWarning("No channel for account messages is configured: a {Kind} message for an account was not delivered", kind);
            return Task.CompletedTask;
        }
        var message = new AccountMessage(user.Id, user.UserName, user.Email, user.Mobile, kind, chinese, english, clock.GetUtcNow());
        _recent.Enqueue(message);
        while (_recent.Count > Kept && _recent.TryDequeue(out _))
        {
        }
        logger.LogInformation("Account message {Kind} to {UserName} ({Email} {Mobile}): {Chinese} / {English}",
            kind, user.UserName, user.Email, user.Mobile, chinese, english);
        return Task.CompletedTask;
    }

    /// <summary>The messages kept, oldest first.</summary>
    public IReadOnlyList<AccountMessage> Recent => _recent.ToArray();
}

namespace Jiebang.Platform.Registrations;

/// <summary>Section Registrations: limits of a unit's own registration (法人注册).</summary>
public sealed class RegistrationOptions
{
    /// <summary>Submissions (accepted or refused) one client address may make per window.</summary>
    public int SubmitsPerAddress { get; set; } = 10;

    /// <summary>The window of <see cref="SubmitsPerAddress"/>, in minutes.</summary>
    public int SubmitWindowMinutes { get; set; } = 60;

    /// <summary>The largest licence file accepted, in bytes (10 MiB).</summary>
    public long LicenceMaxBytes { get; set; } = 10 * 1024 * 1024;
}

namespace Jiebang.Platform.Registrations.Domain;

/// <summary>Where a unit's registration stands: waiting for the task force, approved (the account exists) or rejected.</summary>
public enum RegistrationStatus
{
    /// <summary>待审核</summary>
    Pending,
    /// <summary>已通过</summary>
    Approved,
    /// <summary>未通过</summary>
    Rejected,
}

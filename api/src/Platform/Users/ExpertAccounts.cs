using System.Data.Common;

namespace Jiebang.Platform.Users;

/// <summary>
/// The expert records an expert account is bound to. They belong to the Review module, which answers this (registered in
/// AddReviewModule); the platform asks through it so it never names another module's tables.
/// </summary>
public interface IExpertAccounts
{
    /// <summary>The expert record and the account it is bound to, or null when there is no such record.</summary>
    Task<ExpertAccount?> FindAsync(DbConnection connection, DbTransaction tx, Guid expertId);

    /// <summary>Binds the record to the account in the caller's transaction (the account's own expert_id is set by the caller).</summary>
    Task LinkAsync(DbConnection connection, DbTransaction tx, Guid expertId, Guid userId, DateTimeOffset now);

    /// <summary>Releases whichever record is bound to the account (its role changes away from Expert).</summary>
    Task UnlinkAsync(DbConnection connection, DbTransaction tx, Guid userId, DateTimeOffset now);
}

/// <summary>An expert record as the accounts see it.</summary>
public sealed record ExpertAccount(Guid Id, string Name, Guid? UserId);

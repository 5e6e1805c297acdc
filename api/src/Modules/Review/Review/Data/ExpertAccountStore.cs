using System.Data.Common;
using Dapper;
using Jiebang.Platform.Users;

namespace Jiebang.Review.Data;

/// <summary>Answers the platform's account administration about expert records (creating or re-roling an expert account).</summary>
internal sealed class ExpertAccountStore : IExpertAccounts
{
    private const string Select = "SELECT id AS Id, name AS Name, user_id AS UserId FROM review_expert WHERE id = @Id";

    private const string Link = "UPDATE review_expert SET user_id = @UserId, updated_at = @Now, version = version + 1 WHERE id = @Id";

    private const string Unlink = "UPDATE review_expert SET user_id = NULL, updated_at = @Now, version = version + 1 WHERE user_id = @UserId";

    public async Task<ExpertAccount?> FindAsync(DbConnection connection, DbTransaction tx, Guid expertId) =>
        await connection.QuerySingleOrDefaultAsync<Row>(Select, new { Id = expertId }, tx) is { } row
            ? new ExpertAccount(row.Id, row.Name, row.UserId)
            : null;

    public Task LinkAsync(DbConnection connection, DbTransaction tx, Guid expertId, Guid userId, DateTimeOffset now) =>
        connection.ExecuteAsync(Link, new { Id = expertId, UserId = userId, Now = now }, tx);

    public Task UnlinkAsync(DbConnection connection, DbTransaction tx, Guid userId, DateTimeOffset now) =>
        connection.ExecuteAsync(Unlink, new { UserId = userId, Now = now }, tx);

    private sealed class Row
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public Guid? UserId { get; init; }
    }
}

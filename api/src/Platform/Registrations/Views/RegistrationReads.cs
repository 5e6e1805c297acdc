using Dapper;
using System.Data.Common;
using Jiebang.Platform.Organisations;
using Jiebang.Platform.Registrations.Data;

namespace Jiebang.Platform.Registrations.Views;

/// <summary>Reads a registration's detail: the row, the registry's record with its code and whether its user name is taken.</summary>
internal static class RegistrationReads
{
    public static async Task<RegistrationDetail?> DetailAsync(DbConnection connection, DbTransaction? tx, Guid id)
    {
        var row = await connection.QuerySingleOrDefaultAsync<RegistrationStore.Row>(RegistrationStore.SelectById, new { Id = id }, tx);
        return row is null ? null : await DetailAsync(connection, tx, row);
    }

    public static async Task<RegistrationDetail> DetailAsync(DbConnection connection, DbTransaction? tx, RegistrationStore.Row row)
    {
        var existing = await connection.QuerySingleOrDefaultAsync<OrganisationStore.Row>(RegistrationStore.SelectOrganisationByCode,
            new { row.CreditCode }, tx);
        var taken = await connection.ExecuteScalarAsync<int>(RegistrationStore.CountUsersNamed, new { UserName = row.AdminUserName }, tx) > 0;
        return RegistrationDetail.From(row, existing, taken);
    }
}

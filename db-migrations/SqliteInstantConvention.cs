using System.Data;
using FluentMigrator.Expressions;
using FluentMigrator.Runner.Conventions;

namespace Jiebang.Migrations;

/// <summary>
/// SQLite has no date-time type and FluentMigrator's SQLite generator refuses DbType.DateTimeOffset. Migrations stay
/// provider-neutral (AsDateTimeOffset: timestamptz on PostgreSQL, datetimeoffset on SQL Server); on SQLite this
/// convention stores such columns as TEXT, which the application writes in one fixed-width UTC format.
/// </summary>
internal sealed class SqliteInstantConvention : IColumnsConvention
{
    public IColumnsExpression Apply(IColumnsExpression expression)
    {
        foreach (var column in expression.Columns)
        {
            if (column.Type == DbType.DateTimeOffset)
            {
                column.Type = null;
                column.CustomType = "TEXT";
            }
        }
        return expression;
    }
}

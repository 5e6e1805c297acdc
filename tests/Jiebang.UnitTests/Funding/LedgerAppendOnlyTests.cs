using System.Reflection;
using System.Text.RegularExpressions;
using Jiebang.Funding.Data;

namespace Jiebang.UnitTests.Funding;

public sealed partial class LedgerAppendOnlyTests
{
    [GeneratedRegex(@"\b(UPDATE\s+funding_ledger|DELETE\s+FROM\s+funding_ledger|MERGE\s+INTO\s+funding_ledger|TRUNCATE\s+(TABLE\s+)?funding_ledger)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex ChangesLedger();

    [Fact]
    public void No_SQL_text_in_the_funding_module_updates_or_deletes_a_ledger_entry()
    {
        var texts = typeof(AgreementStore).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (Field: $"{f.DeclaringType!.FullName}.{f.Name}", Sql: (string)f.GetRawConstantValue()!))
            .ToList();
        Assert.Contains(texts, t => t.Sql.Contains("INSERT INTO funding_ledger", StringComparison.Ordinal));
        Assert.Empty(texts.Where(t => ChangesLedger().IsMatch(t.Sql)).Select(t => t.Field));
    }
}

using System.Data.Common;
using Dapper;
using Jiebang.IntegrationTests.Infrastructure;
using Jiebang.Migrations;
using Jiebang.Platform.Database;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jiebang.IntegrationTests.Platform.Feed;

/// <summary>
/// Migration 2026_12_02_40 converts the audience of events written before it: each keeps only the roles that may open
/// its resource, so the district keys that received agreements and round publications stop receiving them.
/// </summary>
public sealed class FeedAudienceMigrationTests
{
    private const long Before = 2026_12_02_39;

    [Fact]
    public async Task On_sqlite_events_written_before_the_migration_keep_only_the_roles_that_may_open_their_resource()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("jiebang-feed-migration").FullName, "feed.db");
        var connectionString = $"Data Source={file};Pooling=false";
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ConvertsAsync(connection, upTo => MigrationRunner.MigrateUp("sqlite", connectionString, upTo: upTo));
    }

    [Fact]
    public async Task On_postgres_events_written_before_the_migration_keep_only_the_roles_that_may_open_their_resource()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresHost.Variable);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(admin), $"{PostgresHost.Variable} is not set");
        var database = "jb_" + Guid.NewGuid().ToString("N");
        await using (var server = new NpgsqlConnection(admin))
        {
            await server.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", server).ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await ConvertsAsync(connection, upTo => MigrationRunner.MigrateUp("postgres", connectionString, upTo: upTo));
        }
        finally
        {
            await using var server = new NpgsqlConnection(admin);
            await server.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server).ExecuteNonQueryAsync();
        }
    }

    private static async Task ConvertsAsync(DbConnection connection, Action<long?> migrate)
    {
        DapperSetup.EnsureRegistered();
        migrate(Before);
        Guid lead = Guid.NewGuid(), member = Guid.NewGuid(), issuer = Guid.NewGuid(), waiting = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        (long Position, string Type, Guid[] Audience)[] events =
        [
            (1, "application.status_changed", [lead, member]),
            (2, "agreement.signed", [issuer, lead]),
            (3, "review.round_publicised", [issuer, lead, member]),
            (4, "challenge.published", []),
        ];
        foreach (var (position, type, audience) in events)
        {
            await connection.ExecuteAsync("""
                INSERT INTO platform_feed_event (position, id, occurred_at, type, resource_type, resource_id, is_public, payload)
                VALUES (@Position, @Id, @Now, @Type, 'x', @Id, @Public, '{}')
                """, new { Position = position, Id = Guid.NewGuid(), Now = now, Type = type, Public = audience.Length == 0 });
            foreach (var organisation in audience)
            {
                await connection.ExecuteAsync("INSERT INTO platform_feed_audience (position, organisation_id, region_code) VALUES (@Position, @Organisation, '110108')",
                    new { Position = position, Organisation = organisation });
            }
        }
        await connection.ExecuteAsync("""
            INSERT INTO platform_feed_pending (id, occurred_at, type, resource_type, resource_id, is_public, payload)
            VALUES (@Id, @Now, 'agreement.signed', 'agreement', @Id, @Public, '{}')
            """, new { Id = waiting, Now = now, Public = false });
        await connection.ExecuteAsync("INSERT INTO platform_feed_pending_audience (event_id, organisation_id, region_code) VALUES (@Id, @Organisation, '110108')",
            new { Id = waiting, Organisation = issuer });

        migrate(null);

        var readers = (await connection.QueryAsync<Reader>(
                "SELECT position AS Position, organisation_id AS OrganisationId, role AS Role FROM platform_feed_reader"))
            .Select(r => $"{r.Position} {Name(r.OrganisationId)} {r.Role}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[]
        {
            "1 lead Applicant", "1 lead District", "1 member Applicant", "1 member District",
            "2 issuer Applicant", "2 issuer Issuer", "2 lead Applicant", "2 lead Issuer",
            "3 issuer Applicant", "3 issuer Issuer", "3 lead Applicant", "3 lead Issuer", "3 member Applicant", "3 member Issuer",
        }.Order(StringComparer.Ordinal), readers);
        var pending = (await connection.QueryAsync<Reader>(
                "SELECT event_id AS EventId, organisation_id AS OrganisationId, role AS Role FROM platform_feed_pending_reader"))
            .Select(r => $"{(r.EventId == waiting ? "waiting" : "?")} {Name(r.OrganisationId)} {r.Role}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["waiting issuer Applicant", "waiting issuer Issuer"], pending);

        string Name(Guid id) => id == lead ? "lead" : id == member ? "member" : id == issuer ? "issuer" : id.ToString();
    }

    private sealed class Reader
    {
        public long Position { get; set; }
        public Guid EventId { get; set; }
        public Guid OrganisationId { get; set; }
        public string Role { get; set; } = "";
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace Jiebang.IntegrationTests.Infrastructure;

/// <summary>
/// A fingerprint of every row of every table the modules own; two equal snapshots mean nothing was written,
/// not even an audit record. Used to assert that refused requests change nothing.
/// </summary>
public static class DatabaseSnapshot
{
    /// <summary>
    /// Every table the modules own except platform_login_throttle and platform_throttle, which count attempts on purpose.
    /// A district key's last use (platform_api_key.last_used_at) is left out too: any request with the key records it.
    /// </summary>
    public static readonly string[] Tables =
    [
        "platform_organisation", "platform_user", "platform_api_key", "platform_audit", "platform_job",
        "platform_registration", "platform_registration_claim", "platform_password_reset", "platform_revoked_token",
        "challenges_programme", "challenges_batch", "challenges_challenge", "challenges_indicator",
        "platform_idempotency", "platform_feed_event", "platform_feed_counter", "platform_feed_reader", "platform_feed_pending", "platform_feed_pending_reader", "platform_outbox", "applications_application", "applications_member", "applications_submission",
        "applications_attachment", "applications_counter", "applications_confirmation",
        "review_expert", "review_expert_conflict", "review_expert_person_conflict", "review_round", "review_criterion", "review_item", "review_item_result", "review_item_criterion_result", "review_assignment", "review_score", "review_matchmaking", "review_decision", "review_objection",
        "funding_policy", "funding_agreement", "funding_party", "funding_milestone", "funding_ledger",
        "funding_progress_report", "funding_acceptance", "funding_acceptance_result",
        "funding_procurement", "funding_cooperation", "funding_progress_attachment",
    ];

    /// <summary>A fingerprint of every table but those named (e.g. platform_job, when a job's own row is expected to change).</summary>
    public static async Task<string> TakeAsync(JiebangHost host, params string[] except)
    {
        await using var connection = await host.Db.OpenAsync();
        var text = new StringBuilder();
        foreach (var table in Tables.Except(except))
        {
            var rows = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY 1, 2");
            var count = 0;
            foreach (IDictionary<string, object?> row in rows)
            {
                count++;
                foreach (var (key, value) in row.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    if (table == "platform_api_key" && key == "last_used_at")
                    {
                        continue;
                    }
                    text.Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture)).Append(';');
                }
                text.Append('\n');
            }
            text.Append(table).Append(':').Append(count).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Runs a request that must be refused and asserts the database did not change.</summary>
    public static async Task<T> Unchanged<T>(JiebangHost host, Func<Task<T>> refused)
    {
        var before = await TakeAsync(host);
        var result = await refused();
        Assert.Equal(before, await TakeAsync(host));
        return result;
    }
}

using FluentMigrator;

namespace Jiebang.Migrations.Platform;

[Migration(2026_12_02_50, "Platform: accounts run by people: contact details, unit administrators, a per-account stamp, forced password change, "
    + "self-registration of units, password-reset codes, signed-out tokens, key revocation, per-address throttles")]
public sealed class AddAccounts : Migration
{
    public override void Up()
    {
        // security_stamp changes whenever the account's sessions must end (deactivation, password change or reset, role
        // change); a token carries the stamp it was issued with and is refused once they differ. Rows made before this
        // migration get an empty stamp, which their tokens (issued without one) match.
        Alter.Table("platform_user")
            .AddColumn("email").AsString(200).Nullable()
            .AddColumn("mobile").AsString(20).Nullable()
            .AddColumn("org_admin").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("must_change_password").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("security_stamp").AsString(36).NotNullable().WithDefaultValue("")
            .AddColumn("external_subject").AsString(200).Nullable()
            .AddColumn("updated_at").AsDateTimeOffset().Nullable()
            .AddColumn("version").AsInt32().NotNullable().WithDefaultValue(1);
        // Not unique in the database: SQL Server allows one NULL in a unique index; sign-in keeps a subject to one account.
        Create.Index("ix_platform_user_external_subject").OnTable("platform_user").OnColumn("external_subject").Ascending();

        Alter.Table("platform_api_key")
            .AddColumn("created_by").AsString(200).Nullable()
            .AddColumn("last_used_at").AsDateTimeOffset().Nullable()
            .AddColumn("revoked_at").AsDateTimeOffset().Nullable()
            .AddColumn("revoked_by").AsString(200).Nullable()
            .AddColumn("replaced_by").AsGuid().Nullable();

        // A unit's own registration (法人注册): pending until the task force approves or rejects it.
        Create.Table("platform_registration")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("credit_code").AsString(18).NotNullable().Indexed("ix_platform_registration_credit_code")
            .WithColumn("name").AsString(200).NotNullable()
            .WithColumn("org_type").AsString(40).NotNullable()
            .WithColumn("legal_representative").AsString(100).NotNullable()
            .WithColumn("licence_file_name").AsString(255).NotNullable()
            .WithColumn("licence_content_type").AsString(100).NotNullable()
            .WithColumn("licence_size").AsInt64().NotNullable()
            .WithColumn("licence_content").AsBinary(int.MaxValue).NotNullable()
            .WithColumn("admin_display_name").AsString(100).NotNullable()
            .WithColumn("admin_mobile").AsString(20).NotNullable()
            .WithColumn("admin_email").AsString(200).NotNullable()
            .WithColumn("admin_user_name").AsString(100).NotNullable()
            .WithColumn("admin_password_hash").AsString(500).NotNullable()
            .WithColumn("status").AsString(20).NotNullable().Indexed("ix_platform_registration_status")
            .WithColumn("status_token_hash").AsString(64).NotNullable()
            .WithColumn("rejection_reason").AsString(500).Nullable()
            .WithColumn("reviewed_by").AsString(200).Nullable()
            .WithColumn("reviewed_at").AsDateTimeOffset().Nullable()
            .WithColumn("organisation_id").AsGuid().Nullable()
            .WithColumn("user_id").AsGuid().Nullable()
            .WithColumn("is_demo").AsBoolean().NotNullable()
            .WithColumn("submitted_at").AsDateTimeOffset().NotNullable()
            .WithColumn("version").AsInt32().NotNullable();

        // One-time codes for a forgotten password; only a hash of the code is kept.
        Create.Table("platform_password_reset")
            .WithColumn("id").AsGuid().PrimaryKey()
            .WithColumn("user_id").AsGuid().NotNullable().Indexed("ix_platform_password_reset_user")
            .WithColumn("code_hash").AsString(64).NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable()
            .WithColumn("expires_at").AsDateTimeOffset().NotNullable()
            .WithColumn("used_at").AsDateTimeOffset().Nullable()
            .WithColumn("attempts").AsInt32().NotNullable();

        // Tokens ended by sign-out before they expire (by their jti); rows past expires_at may be deleted.
        Create.Table("platform_revoked_token")
            .WithColumn("token_id").AsString(64).PrimaryKey()
            .WithColumn("user_id").AsGuid().NotNullable()
            .WithColumn("expires_at").AsDateTimeOffset().NotNullable().Indexed("ix_platform_revoked_token_expires");

        // Counters for anonymous operations (registration, password reset) per client address or account, shared by
        // every instance of the host: bucket = "registration:ip:1.2.3.4", "reset:user:<id>", ...
        Create.Table("platform_throttle")
            .WithColumn("bucket").AsString(200).PrimaryKey()
            .WithColumn("hits").AsInt32().NotNullable()
            .WithColumn("window_started_at").AsDateTimeOffset().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("platform_throttle");
        Delete.Table("platform_revoked_token");
        Delete.Table("platform_password_reset");
        Delete.Table("platform_registration");
        Delete.Column("replaced_by").Column("revoked_by").Column("revoked_at").Column("last_used_at").Column("created_by").FromTable("platform_api_key");
        Delete.Index("ix_platform_user_external_subject").OnTable("platform_user");
        Delete.Column("version").Column("updated_at").Column("external_subject").Column("security_stamp").Column("must_change_password")
            .Column("org_admin").Column("mobile").Column("email").FromTable("platform_user");
    }
}

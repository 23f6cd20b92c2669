using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddSpecificationStage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "glossary_terms",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    term = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    meaning = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    proposed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    agreed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    agreed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_changed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_glossary_terms", x => x.id);
                    table.ForeignKey(
                        name: "fk_glossary_terms_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "specifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    approved_version_number = table.Column<int>(type: "integer", nullable: true),
                    approval_decision_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_specifications_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_specifications_decisions_approval_decision_id",
                        column: x => x.approval_decision_id,
                        principalTable: "decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "specification_comment_windows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    providers_may_comment = table.Column<bool>(type: "boolean", nullable: false),
                    opened_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    closed_early_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_early_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    specification_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specification_comment_windows", x => x.id);
                    table.ForeignKey(
                        name: "fk_specification_comment_windows_specifications_specification_",
                        column: x => x.specification_id,
                        principalTable: "specifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "specification_versions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    change_summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    saved_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    specification_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specification_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_specification_versions_specifications_specification_id",
                        column: x => x.specification_id,
                        principalTable: "specifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "specification_outcomes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    outcome_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    statement = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    measure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    changed_in_version = table.Column<int>(type: "integer", nullable: false),
                    specification_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    level_fair = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level_good = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level_outstanding = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level_poor = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level_stretch = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specification_outcomes", x => x.id);
                    table.ForeignKey(
                        name: "fk_specification_outcomes_specification_version_specification_",
                        column: x => x.specification_version_id,
                        principalTable: "specification_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "specification_sections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    section_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    plain_summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    changed_in_version = table.Column<int>(type: "integer", nullable: false),
                    specification_version_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specification_sections", x => x.id);
                    table.ForeignKey(
                        name: "fk_specification_sections_specification_version_specification_",
                        column: x => x.specification_version_id,
                        principalTable: "specification_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "specification_outcome_answers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    contribution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    outcome_snapshot_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_specification_outcome_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_specification_outcome_answers_contributions_contribution_id",
                        column: x => x.contribution_id,
                        principalTable: "contributions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_specification_outcome_answers_specification_outcomes_outcom",
                        column: x => x.outcome_snapshot_id,
                        principalTable: "specification_outcomes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "specification_section_answers",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    contribution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    section_snapshot_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_specification_section_answers", x => x.id);
                    table.ForeignKey(
                        name: "fk_specification_section_answers_contributions_contribution_id",
                        column: x => x.contribution_id,
                        principalTable: "contributions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_specification_section_answers_specification_sections_sectio",
                        column: x => x.section_snapshot_id,
                        principalTable: "specification_sections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_glossary_terms_cycle_id_term",
                table: "glossary_terms",
                columns: new[] { "cycle_id", "term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_specification_comment_windows_specification_id",
                table: "specification_comment_windows",
                column: "specification_id");

            migrationBuilder.CreateIndex(
                name: "ix_specification_outcome_answers_contribution_id",
                table: "specification_outcome_answers",
                column: "contribution_id");

            migrationBuilder.CreateIndex(
                name: "ix_specification_outcome_answers_outcome_snapshot_id",
                table: "specification_outcome_answers",
                column: "outcome_snapshot_id");

            migrationBuilder.CreateIndex(
                name: "ix_specification_outcomes_specification_version_id_outcome_id",
                table: "specification_outcomes",
                columns: new[] { "specification_version_id", "outcome_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_specification_section_answers_contribution_id",
                table: "specification_section_answers",
                column: "contribution_id");

            migrationBuilder.CreateIndex(
                name: "ix_specification_section_answers_section_snapshot_id",
                table: "specification_section_answers",
                column: "section_snapshot_id");

            migrationBuilder.CreateIndex(
                name: "ix_specification_sections_specification_version_id_section_id",
                table: "specification_sections",
                columns: new[] { "specification_version_id", "section_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_specification_versions_specification_id_number",
                table: "specification_versions",
                columns: new[] { "specification_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_specifications_approval_decision_id",
                table: "specifications",
                column: "approval_decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_specifications_cycle_id",
                table: "specifications",
                column: "cycle_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "glossary_terms");

            migrationBuilder.DropTable(
                name: "specification_comment_windows");

            migrationBuilder.DropTable(
                name: "specification_outcome_answers");

            migrationBuilder.DropTable(
                name: "specification_section_answers");

            migrationBuilder.DropTable(
                name: "specification_outcomes");

            migrationBuilder.DropTable(
                name: "specification_sections");

            migrationBuilder.DropTable(
                name: "specification_versions");

            migrationBuilder.DropTable(
                name: "specifications");
        }
    }
}

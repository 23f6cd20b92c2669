using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class MonitoringContractsReturnsRatingsAllianceLessons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alliance_teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_teams_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "carried_evidence",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evidence_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carried_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    carried_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carried_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_carried_evidence_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_carried_evidence_cycles_from_cycle_id",
                        column: x => x.from_cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_carried_evidence_evidence_items_evidence_item_id",
                        column: x => x.evidence_item_id,
                        principalTable: "evidence_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_contracts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    regime = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    award_decision_id = table.Column<Guid>(type: "uuid", nullable: false),
                    specification_version_number = table.Column<int>(type: "integer", nullable: false),
                    created_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    extension_options = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    frequency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_contracts", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_contracts_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_monitoring_contracts_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_lessons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_lessons", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_lessons_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alliance_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    proposal = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    proposed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    carried_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_decisions_alliance_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "alliance_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alliance_disputes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    raised_by_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    raised_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    raised_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    resolved_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_disputes", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_disputes_alliance_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "alliance_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alliance_health_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trust = table.Column<int>(type: "integer", nullable: false),
                    information_sharing = table.Column<int>(type: "integer", nullable: false),
                    shared_decisions = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    rated_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    rated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_health_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_health_ratings_alliance_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "alliance_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alliance_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    added_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_members_alliance_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "alliance_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_alliance_members_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "alliance_risks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    owner_member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    likelihood = table.Column<int>(type: "integer", nullable: false),
                    impact = table.Column<int>(type: "integer", nullable: false),
                    actions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    review_on = table.Column<DateOnly>(type: "date", nullable: false),
                    added_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_reviewed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closing_note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_risks", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_risks_alliance_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "alliance_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_commitment_results",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kpi_id = table.Column<Guid>(type: "uuid", nullable: false),
                    value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_commitment_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_commitment_results_monitoring_contracts_monitori",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_kpis",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    target = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    direction = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    frequency = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    data_source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_kpis", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_kpis_monitoring_contracts_monitoring_id",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_outcomes",
                columns: table => new
                {
                    outcome_id = table.Column<Guid>(type: "uuid", nullable: false),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    statement = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    domain = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    measure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    level_fair = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level_good = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level_outstanding = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level_poor = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    level_stretch = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_outcomes", x => new { x.monitoring_id, x.outcome_id });
                    table.ForeignKey(
                        name: "fk_monitoring_outcomes_monitoring_contracts_monitoring_id",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_panel_ratings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    gathered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_panel_ratings", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_panel_ratings_monitoring_contracts_monitoring_id",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_parties",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_parties", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_parties_monitoring_contracts_monitoring_id",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_periods_monitoring_contracts_monitoring_id",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_return_explanations",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_return_explanations", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_return_explanations_monitoring_contracts_monitor",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_returns",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_returns", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_returns_monitoring_contracts_monitoring_id",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_monitoring_returns_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    others_present = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    period_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    impact_on_current_users = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    transition_plan = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    engagement_test = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    patient_choice_test = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    clinical_evidence_test = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    clinical_commissioner_support_test = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    decided_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    monitoring_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_reviews_monitoring_contracts_monitoring_id",
                        column: x => x.monitoring_id,
                        principalTable: "monitoring_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_lesson_citations",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_lesson_citations", x => new { x.lesson_id, x.kind, x.source_id });
                    table.ForeignKey(
                        name: "fk_monitoring_lesson_citations_monitoring_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalTable: "monitoring_lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alliance_votes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agrees = table.Column<bool>(type: "boolean", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alliance_votes", x => x.id);
                    table.ForeignKey(
                        name: "fk_alliance_votes_alliance_decisions_decision_id",
                        column: x => x.decision_id,
                        principalTable: "alliance_decisions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_panel_outcome_ratings",
                columns: table => new
                {
                    outcome_id = table.Column<Guid>(type: "uuid", nullable: false),
                    panel_rating_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    what_its_like = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_panel_outcome_ratings", x => new { x.panel_rating_id, x.outcome_id });
                    table.ForeignKey(
                        name: "fk_monitoring_panel_outcome_ratings_monitoring_panel_ratings_p",
                        column: x => x.panel_rating_id,
                        principalTable: "monitoring_panel_ratings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_return_revisions",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    return_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    co_production_evidence = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    forum_minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    exceptions = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    started_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_saved_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_return_revisions", x => new { x.return_id, x.number });
                    table.ForeignKey(
                        name: "fk_monitoring_return_revisions_monitoring_returns_return_id",
                        column: x => x.return_id,
                        principalTable: "monitoring_returns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_review_participants",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_review_participants", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_review_participants_monitoring_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "monitoring_reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_return_kpi_values",
                columns: table => new
                {
                    kpi_id = table.Column<Guid>(type: "uuid", nullable: false),
                    return_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision_number = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_return_kpi_values", x => new { x.return_id, x.revision_number, x.kpi_id });
                    table.ForeignKey(
                        name: "fk_monitoring_return_kpi_values_monitoring_return_revisions_re",
                        columns: x => new { x.return_id, x.revision_number },
                        principalTable: "monitoring_return_revisions",
                        principalColumns: new[] { "return_id", "number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_return_ratings",
                columns: table => new
                {
                    outcome_id = table.Column<Guid>(type: "uuid", nullable: false),
                    return_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision_number = table.Column<int>(type: "integer", nullable: false),
                    rating = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    evidence = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_return_ratings", x => new { x.return_id, x.revision_number, x.outcome_id });
                    table.ForeignKey(
                        name: "fk_monitoring_return_ratings_monitoring_return_revisions_retur",
                        columns: x => new { x.return_id, x.revision_number },
                        principalTable: "monitoring_return_revisions",
                        principalColumns: new[] { "return_id", "number" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alliance_decisions_team_id",
                table: "alliance_decisions",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliance_disputes_team_id",
                table: "alliance_disputes",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliance_health_ratings_team_id",
                table: "alliance_health_ratings",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliance_members_organisation_id",
                table: "alliance_members",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliance_members_team_id",
                table: "alliance_members",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliance_risks_team_id",
                table: "alliance_risks",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_alliance_teams_cycle_id",
                table: "alliance_teams",
                column: "cycle_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_alliance_votes_decision_id",
                table: "alliance_votes",
                column: "decision_id");

            migrationBuilder.CreateIndex(
                name: "ix_carried_evidence_cycle_id",
                table: "carried_evidence",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_carried_evidence_evidence_item_id",
                table: "carried_evidence",
                column: "evidence_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_carried_evidence_from_cycle_id",
                table: "carried_evidence",
                column: "from_cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_commitment_results_monitoring_id",
                table: "monitoring_commitment_results",
                column: "monitoring_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_contracts_cycle_id",
                table: "monitoring_contracts",
                column: "cycle_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_contracts_procurement_id",
                table: "monitoring_contracts",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_kpis_monitoring_id",
                table: "monitoring_kpis",
                column: "monitoring_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_lessons_cycle_id_recorded_at",
                table: "monitoring_lessons",
                columns: new[] { "cycle_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_panel_ratings_cycle_id",
                table: "monitoring_panel_ratings",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_panel_ratings_monitoring_id_period_id_member_use",
                table: "monitoring_panel_ratings",
                columns: new[] { "monitoring_id", "period_id", "member_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_parties_monitoring_id",
                table: "monitoring_parties",
                column: "monitoring_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_periods_monitoring_id",
                table: "monitoring_periods",
                column: "monitoring_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_return_explanations_monitoring_id",
                table: "monitoring_return_explanations",
                column: "monitoring_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_returns_cycle_id",
                table: "monitoring_returns",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_returns_monitoring_id_period_id_organisation_id",
                table: "monitoring_returns",
                columns: new[] { "monitoring_id", "period_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_returns_organisation_id",
                table: "monitoring_returns",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_review_participants_review_id",
                table: "monitoring_review_participants",
                column: "review_id");

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_reviews_monitoring_id",
                table: "monitoring_reviews",
                column: "monitoring_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alliance_disputes");

            migrationBuilder.DropTable(
                name: "alliance_health_ratings");

            migrationBuilder.DropTable(
                name: "alliance_members");

            migrationBuilder.DropTable(
                name: "alliance_risks");

            migrationBuilder.DropTable(
                name: "alliance_votes");

            migrationBuilder.DropTable(
                name: "carried_evidence");

            migrationBuilder.DropTable(
                name: "monitoring_commitment_results");

            migrationBuilder.DropTable(
                name: "monitoring_kpis");

            migrationBuilder.DropTable(
                name: "monitoring_lesson_citations");

            migrationBuilder.DropTable(
                name: "monitoring_outcomes");

            migrationBuilder.DropTable(
                name: "monitoring_panel_outcome_ratings");

            migrationBuilder.DropTable(
                name: "monitoring_parties");

            migrationBuilder.DropTable(
                name: "monitoring_periods");

            migrationBuilder.DropTable(
                name: "monitoring_return_explanations");

            migrationBuilder.DropTable(
                name: "monitoring_return_kpi_values");

            migrationBuilder.DropTable(
                name: "monitoring_return_ratings");

            migrationBuilder.DropTable(
                name: "monitoring_review_participants");

            migrationBuilder.DropTable(
                name: "alliance_decisions");

            migrationBuilder.DropTable(
                name: "monitoring_lessons");

            migrationBuilder.DropTable(
                name: "monitoring_panel_ratings");

            migrationBuilder.DropTable(
                name: "monitoring_return_revisions");

            migrationBuilder.DropTable(
                name: "monitoring_reviews");

            migrationBuilder.DropTable(
                name: "alliance_teams");

            migrationBuilder.DropTable(
                name: "monitoring_returns");

            migrationBuilder.DropTable(
                name: "monitoring_contracts");
        }
    }
}

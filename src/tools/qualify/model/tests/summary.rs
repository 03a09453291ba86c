//! The summary in both formats, its file name and money text.

use super::*;

// --- Summary --------------------------------------------------------------

fn finished_deal() -> Deal {
    let mut d = deal_with("40000", "2");
    d.answer(Budget, Confirmed, t(1));
    d.set_evidence(Budget, "CFO confirmed\n$45k line".into(), t(1));
    d.answer(Authority, RedFlag, t(1));
    d.answer(Need, Partially, t(1));
    d.step = Step::Summary;
    d
}

#[test]
fn summary_plain_text_reads_like_a_note() {
    let s = summary_text(&finished_deal());
    assert!(s.starts_with("Deal: Acme rollout (Acme)\n"));
    assert!(s.contains("Annual contract value: $40,000. Stakeholders engaged: 2."));
    assert!(s.contains("Framework: BANT. Methodology: SPIN."));
    // 2+0+1+0 = 3 of 8 → 38, with Timeline unanswered: no verdict yet.
    assert!(s.contains("Score: 38/100, provisional: 3 of 4 assessed. Verdict: Incomplete."));
    assert!(s.contains("- Single-threaded:"));
    let auth = s.find("1. Authority (Red flag)").expect("red flag first");
    let time = s.find("2. Timeline (Not answered)").expect("then unknown");
    let need = s.find("3. Need (Partially)").expect("then partial");
    assert!(auth < time && time < need);
    assert!(s.contains("- Budget (Confirmed): CFO confirmed $45k line"));
    assert!(
        !s.contains('#') && !s.contains("**"),
        "no Markdown in the CRM note"
    );
}

#[test]
fn summary_markdown_escapes_user_text() {
    let mut d = finished_deal();
    d.name = "Big *deal* #1".into();
    let md = summary_markdown(&d);
    assert!(md.starts_with("# Deal brief: Big \\*deal\\* \\#1\n"));
    assert!(md.contains("## Verdict: Incomplete (38/100, provisional: 3 of 4 assessed)"));
    assert!(md.contains("1. **Authority** (Red flag): "));
    assert_eq!(summary_filename(&d), "big-deal-1-qualification.md");
    assert_eq!(
        summary_filename(&Deal::default()),
        "untitled-deal-qualification.md"
    );
}

#[test]
fn money_format() {
    assert_eq!(format_money(0.0), "$0");
    assert_eq!(format_money(999.0), "$999");
    assert_eq!(format_money(1000.0), "$1,000");
    assert_eq!(format_money(250_001.5), "$250,001.50");
    assert_eq!(format_money(f64::NAN), "$0");
    assert_eq!(format_money(-3.0), "$0");
}

/// A MEDDIC deal after a BANT pass, with typed text that needs care.
fn second_pass_deal() -> Deal {
    let mut d = finished_deal();
    d.company = "Acme *Labs*\nEMEA".into();
    d.set_framework(Some(Framework::Meddic), t(2));
    d.answer(Metrics, Confirmed, t(3));
    d.set_evidence(Metrics, "Cut onboarding_time\n by 30%".into(), t(3));
    d
}

/// The model's own wording of the warnings and next actions, in order, so
/// the layout tests below don't repeat the copy in `content.rs`.
fn wording(d: &Deal) -> (Vec<String>, Vec<&'static str>) {
    let a = d.assessment();
    let warnings = a.warnings.iter().map(|w| w.detail()).collect();
    let actions = a.gaps.iter().map(|g| g.action).collect();
    (warnings, actions)
}

#[test]
fn summary_text_is_laid_out_line_by_line() {
    let d = second_pass_deal();
    let (w, act) = wording(&d);
    let expected = format!(
        "Deal: Acme rollout (Acme *Labs* EMEA)\n\
         Annual contract value: $40,000. Stakeholders engaged: 2.\n\
         Framework: MEDDIC. Methodology: SPIN.\n\
         Score: 17/100, provisional: 1 of 6 assessed. Verdict: Incomplete.\n\
         BANT first pass: 38/100, Incomplete.\n\
         \n\
         Warnings:\n\
         - Single-threaded: {}\n\
         - No access to power: {}\n\
         - No urgency: {}\n\
         \n\
         Next actions:\n\
         1. Economic buyer (Not answered): {}\n\
         2. Decision criteria (Not answered): {}\n\
         3. Decision process (Not answered): {}\n\
         4. Identify pain (Not answered): {}\n\
         5. Champion (Not answered): {}\n\
         \n\
         Evidence:\n\
         - Metrics (Confirmed): Cut onboarding_time by 30%\n\
         \n\
         Updated 2023-11-14 with Stagecraft.\n",
        w[0], w[1], w[2], act[0], act[1], act[2], act[3], act[4]
    );
    assert_eq!(summary_text(&d), expected);
}

#[test]
fn summary_markdown_is_laid_out_section_by_section() {
    let d = second_pass_deal();
    let (w, act) = wording(&d);
    let expected = format!(
        "# Deal brief: Acme rollout\n\
         \n\
         - **Company:** Acme \\*Labs\\* EMEA\n\
         - **Annual contract value:** $40,000\n\
         - **Stakeholders engaged:** 2\n\
         - **Framework:** MEDDIC\n\
         - **Methodology:** SPIN\n\
         - **Updated:** 2023-11-14\n\
         \n\
         ## Verdict: Incomplete (17/100, provisional: 1 of 6 assessed)\n\
         \n\
         {}\n\
         \n\
         BANT first pass: 38/100, Incomplete.\n\
         \n\
         ## Warnings\n\
         \n\
         - **Single-threaded:** {}\n\
         - **No access to power:** {}\n\
         - **No urgency:** {}\n\
         \n\
         ## Next actions\n\
         \n\
         1. **Economic buyer** (Not answered): {}\n\
         2. **Decision criteria** (Not answered): {}\n\
         3. **Decision process** (Not answered): {}\n\
         4. **Identify pain** (Not answered): {}\n\
         5. **Champion** (Not answered): {}\n\
         \n\
         ## Evidence\n\
         \n\
         - **Metrics** (Confirmed): Cut onboarding\\_time by 30%\n",
        Verdict::Incomplete.meaning(),
        w[0],
        w[1],
        w[2],
        act[0],
        act[1],
        act[2],
        act[3],
        act[4]
    );
    assert_eq!(summary_markdown(&d), expected);
}

#[test]
fn an_empty_summary_says_so_in_both_formats() {
    let mut d = deal_with("", "");
    d.name = String::new();
    d.company = String::new();
    for c in Framework::Bant.criteria() {
        d.answer(*c, Confirmed, t(1));
    }
    let text = summary_text(&d);
    assert!(text.starts_with(
        "Deal: Untitled deal\nAnnual contract value: not set. Stakeholders engaged: not set.\n"
    ));
    assert!(text.contains("\nWarnings:\n- None\n\nNext actions:\n- None: every criterion is confirmed.\n\nEvidence:\n- None recorded yet\n\nUpdated "));
    let md = summary_markdown(&d);
    assert!(md.starts_with("# Deal brief: Untitled deal\n\n- **Annual contract value:** not set\n"));
    assert!(md.ends_with("## Warnings\n\nNone.\n\n## Next actions\n\nNone: every criterion is confirmed.\n\n## Evidence\n\nNone recorded yet.\n"));
}

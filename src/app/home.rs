use crate::route::{Route, Tool};
use leptos::prelude::*;

/// The front page: what Stagecraft is, the audit as the one obvious next
/// step, and the other three tools one click away.
///
/// `index.html` carries the same markup as static HTML, so the heading and
/// the call to action work before the wasm has loaded; keep them in step.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="sc-home">
            <div class="sc-hero">
                <h1 class="sc-page-title">"Find out where your sales process leaks, then fix it."</h1>
                <p class="sc-lede">
                    "Four free tools for B2B teams: audit your process, qualify deals, run sharper discovery calls and benchmark your funnel."
                </p>
                <a class="sc-button sc-button--primary sc-button--large" href=Route::tool(Tool::Audit).href()>
                    "Start the 2-minute audit"
                </a>
                <p class="sc-hero__note">"16 quick questions. No sign-up."</p>
            </div>
            <ul class="sc-tool-cards">
                {[Tool::Qualify, Tool::Discovery, Tool::Benchmarks].into_iter().map(|tool| view! {
                    <li class="sc-card sc-tool-card">
                        <h2><a href=Route::tool(tool).href()>{tool.name()}</a></h2>
                        <p>{tool.promise()}</p>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

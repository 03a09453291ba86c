//! The app shell: mounting, hash routing, the site chrome, storage notices,
//! and the bridge to a host page when running as an embedded widget.

// Home, data and not-found live on the root page only (feature `home`).
#[cfg(feature = "home")]
mod data_page;
mod embed_bridge;
#[cfg(feature = "home")]
mod home;
mod notices;
mod storage_access;

use crate::embed::Theme;
use crate::route::{parse_hash, Route, Tool};
use crate::storage::browser::{is_persistent, Notice, Notices};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mounts the app into `#stagecraft` (replacing the static shell that
/// `index.html` shows before the wasm arrives), or into a new element at
/// the end of `<body>` when the host page has no such element.
pub fn mount() {
    console_error_panic_hook::set_once();
    let document = document();
    let host = match document.get_element_by_id("stagecraft") {
        Some(el) => el,
        None => {
            let el = document.create_element("div").expect("create host element");
            el.set_id("stagecraft");
            if let Some(body) = document.body() {
                let _ = body.append_child(&el);
            }
            el
        }
    };
    // Take over the prerendered first screen: what the visitor typed or
    // picked there is handed to the tools, and focus returns to the same
    // control in the app's own markup.
    let focused = crate::shell::capture_prefill(&host);
    host.set_inner_html("");
    let host: web_sys::HtmlElement = host.unchecked_into();
    leptos::mount::mount_to(host.clone(), App).forget();
    if let Some(el) = focused.and_then(|id| document.get_element_by_id(&id)) {
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            let _ = input.focus();
            // Caret after the text, where the visitor was typing (radios have none).
            let end = input.value().encode_utf16().count() as u32;
            let _ = input.set_selection_range(end, end);
        } else if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
    // Lets tests and the benchmark script know the static shell is gone.
    let _ = host.set_attribute("data-sc-ready", "true");
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The raw query of the embed URL (`frame=…&origin=…`), kept so routes
/// inside an embed stay embedded.
fn embed_query(hash: &str) -> String {
    hash.split_once('?')
        .map(|(_, q)| q.to_string())
        .unwrap_or_default()
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let first_hash = current_hash();
    let first = parse_hash(&first_hash);
    let embed = first.embed.clone();
    crate::shell::set_embed(embed.clone().map(|o| (o, embed_query(&first_hash))));
    let location = RwSignal::new(first);

    crate::components::listen::listen(window(), "hashchange", move |_| {
        let next = parse_hash(&current_hash());
        match embed_bridge::keep_embedded(&next) {
            Some(fixed) => location.set(fixed),
            None => location.set(next),
        }
    });

    let notices = Notices::new();
    provide_context(notices);
    if crate::storage::browser::storage_full() {
        // What is stored is shown and kept; only new changes can't be.
        notices.push(Notice::WriteFailed);
    } else if !is_persistent() {
        if crate::shell::is_embedded() {
            // A widget says nothing about storage before the visitor has
            // answered; one who allowed storage before gets it back now.
            crate::shell::on_started(Box::new(move || {
                if !is_persistent() {
                    notices.push(Notice::MemoryOnly);
                }
            }));
            storage_access::restore_if_allowed(notices);
        } else {
            notices.push(Notice::MemoryOnly);
        }
    }

    let settings = use_settings();
    provide_context(settings);

    let route = Memo::new(move |_| location.with(|l| l.route.clone()));
    let main_ref = NodeRef::<leptos::html::Main>::new();

    // Announce the new page: title for tabs and history, focus for screen
    // readers (skipped on first load so the page doesn't jump).
    Effect::new(move |previous: Option<Route>| {
        let r = route.get();
        document().set_title(&r.title());
        if previous.is_some_and(|p| p != r) {
            if let Some(main) = main_ref.get_untracked() {
                let _ = main.focus();
            }
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        r
    });

    let (theme, accent, transparent) = match &embed {
        Some(o) => (o.theme, o.accent.clone(), o.transparent),
        None => (Theme::Auto, None, false),
    };
    let theme_attr = match theme {
        Theme::Auto => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    let is_embed = embed.is_some();
    let root_ref = NodeRef::<leptos::html::Div>::new();
    if let Some(opts) = embed.clone() {
        embed_bridge::start(opts, root_ref);
    }
    // The host's accent goes in through the CSSOM, not a style attribute, so
    // the strict CSP (style-src 'self') holds inside embeds too.
    if let Some(accent) = accent {
        Effect::new(move |_| {
            if let Some(el) = root_ref.get() {
                let style = web_sys::HtmlElement::style(&el);
                let _ = style.set_property("--sc-accent", &accent);
                let _ = style.set_property("--sc-focus", &accent);
                if let Some(text) = crate::embed::readable_text_on(&accent) {
                    let _ = style.set_property("--sc-accent-contrast", text);
                }
            }
        });
    }

    view! {
        <div
            class="sc-root"
            class:sc-root--embed=is_embed
            class:sc-root--transparent=transparent
            data-sc-theme=theme_attr
            on:click=move |ev| if is_embed { embed_bridge::open_other_tools_in_new_tab(&ev) }
            node_ref=root_ref
        >
            // A keyboard user's first Tab: straight past the header to the
            // tool. Routes live in the fragment, so the link focuses the main
            // region itself instead of navigating to "#sc-main".
            {(!is_embed).then(|| view! {
                <a
                    class="sc-skip-link"
                    href="#sc-main"
                    on:click=move |ev| {
                        ev.prevent_default();
                        if let Some(main) = main_ref.get_untracked() {
                            let _ = main.focus();
                        }
                    }
                >
                    "Skip to main content"
                </a>
                <SiteHeader route=route />
            })}
            <notices::NoticeBanners />
            <main class="sc-main" id="sc-main" tabindex="-1" node_ref=main_ref>
                // Only one screen shows at a time, and each tool reads storage
                // when it mounts, so an import or reset on the data page
                // needs no extra refresh.
                {move || render_route(route.get())}
            </main>
            {if is_embed {
                embed_bridge::open_full_app_link(location).into_any()
            } else {
                view! {
                    <footer class="sc-footer">
                        <p>"Runs in your browser. Your data never leaves this device."</p>
                        <p><a href=Route::Data.href()>"Export, import or reset your data"</a></p>
                    </footer>
                }
                .into_any()
            }}
        </div>
    }
}

/// Renders the screens compiled into this build. The release site is split
/// into one page per tool (see `scripts/build.sh`), so each page downloads
/// only its own tool; any other route belongs to another page, which
/// the boot script (`embed/boot.js`) opens. Tests and `cargo` builds use the `all-pages` default.
#[allow(unreachable_patterns)]
fn render_route(route: Route) -> AnyView {
    match route {
        #[cfg(feature = "home")]
        Route::Home => view! { <home::HomePage /> }.into_any(),
        #[cfg(feature = "home")]
        Route::Data => view! { <data_page::DataPage /> }.into_any(),
        #[cfg(feature = "home")]
        Route::NotFound(path) => view! { <NotFound path=path /> }.into_any(),
        #[cfg(feature = "audit")]
        Route::Tool { tool: Tool::Audit, rest } => {
            view! { <crate::tools::audit::AuditTool rest=Signal::derive(move || rest.clone()) /> }.into_any()
        }
        #[cfg(feature = "qualify")]
        Route::Tool { tool: Tool::Qualify, rest } => {
            view! { <crate::tools::qualify::QualifyTool rest=Signal::derive(move || rest.clone()) /> }.into_any()
        }
        #[cfg(feature = "discovery")]
        Route::Tool { tool: Tool::Discovery, rest } => {
            view! { <crate::tools::discovery::DiscoveryTool rest=Signal::derive(move || rest.clone()) /> }.into_any()
        }
        #[cfg(feature = "benchmarks")]
        Route::Tool { tool: Tool::Benchmarks, rest } => {
            view! { <crate::tools::benchmarks::BenchmarksTool rest=Signal::derive(move || rest.clone()) /> }.into_any()
        }
        other => view! { <OnAnotherPage route=other /> }.into_any(),
    }
}

/// A route that lives on another page of the site. The boot script normally
/// switches pages before this shows; the link is the fallback.
#[component]
fn OnAnotherPage(
    /// Where the user wanted to go.
    route: Route,
) -> impl IntoView {
    let here = document()
        .document_element()
        .and_then(|el| el.get_attribute("data-sc-page"))
        .and_then(|p| Tool::from_slug(&p));
    let href = crate::route::page_url(here, &route);
    let name = match &route {
        Route::Tool { tool, .. } => tool.name().to_string(),
        _ => "Stagecraft home".to_string(),
    };
    view! {
        <section class="sc-tool sc-stack">
            <p class="sc-lede">"Opening " <a href=href>{name}</a> "…"</p>
        </section>
    }
}

/// The shared settings document, applied to the formatters now (so the
/// first screen already shows the chosen currency) and on every change
/// (the header, "Your data", another tab, an import).
fn use_settings() -> RwSignal<crate::settings::Settings> {
    let settings = crate::storage::browser::use_document::<crate::settings::Settings>();
    let apply = move |s: &crate::settings::Settings| {
        let default = crate::numbers::default_currency(&crate::numbers::browser::browser_tag());
        crate::components::format::set_currency(s.currency_or(default));
    };
    settings.with_untracked(apply);
    Effect::new(move |_| settings.with(apply));
    settings
}

/// A labelled currency select bound to the shared settings, on "Your
/// data". It was in the header too, but every tool page paid about 1 KB
/// brotli for it, and the tool pages are at their size budget; the choice
/// is made once and then holds for every tool.
#[cfg(feature = "home")]
#[component]
pub fn CurrencySelect(
    /// DOM id of the select (the label points at it).
    id: &'static str,
    /// Visible label; distinct per place, so each select has its own name.
    label: &'static str,
) -> impl IntoView {
    let settings = expect_context::<RwSignal<crate::settings::Settings>>();
    let current = move || crate::components::format::currency();
    view! {
        <span class="sc-currency">
            <label class="sc-currency__label" for=id>{label}</label>
            <select
                id=id
                class="sc-select sc-currency__select"
                on:change=move |ev| {
                    let code = event_target_value(&ev);
                    settings.update(|s| s.currency = Some(code));
                }
            >
                {crate::numbers::CURRENCIES.into_iter().map(|c| view! {
                    <option value=c selected=move || current() == c>{c}</option>
                }).collect_view()}
            </select>
        </span>
    }
}

/// Brand and navigation between the tools.
#[component]
fn SiteHeader(
    /// The current route, to mark the active link.
    route: Memo<Route>,
) -> impl IntoView {
    let is_current =
        move |tool: Tool| route.with(|r| matches!(r, Route::Tool { tool: t, .. } if *t == tool));
    view! {
        <header class="sc-header">
            <a class="sc-brand" href=Route::Home.href()>
                <svg class="sc-brand__mark" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
                    <path d="M3 20h4V10H3zm7 0h4V4h-4zm7 0h4v-7h-4z" fill="currentColor"></path>
                </svg>
                "Stagecraft"
            </a>
            <nav class="sc-nav" aria-label="Tools">
                <ul>
                    {Tool::ALL.into_iter().map(|tool| view! {
                        <li>
                            <a
                                href=Route::tool(tool).href()
                                aria-current=move || is_current(tool).then_some("page")
                            >
                                {tool.short_name()}
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// Shown for any fragment the app does not know, with a way back.
#[cfg(feature = "home")]
#[component]
fn NotFound(
    /// The path that was asked for, echoed so a typo is easy to spot
    /// (`route::parse_hash` has cut it to 80 characters and a "…").
    path: String,
) -> impl IntoView {
    view! {
        <section class="sc-tool sc-stack">
            <h1 class="sc-page-title">"We couldn't find that page"</h1>
            <p class="sc-lede">
                "Nothing lives at " <code>{format!("#/{path}")}</code>
                ". The link may be mistyped or from an older version. Pick a tool instead:"
            </p>
            <ul class="sc-link-list">
                {Tool::ALL.into_iter().map(|tool| view! {
                    <li><a href=Route::tool(tool).href()>{tool.name()}</a></li>
                }).collect_view()}
                <li><a href=Route::Home.href()>"Home"</a></li>
            </ul>
        </section>
    }
}

//! The lookup shortcut through the XDG desktop portal's GlobalShortcuts
//! interface (`org.freedesktop.portal.GlobalShortcuts`), the way a Wayland
//! desktop lets an app have a global key: Pilgi proposes one, the desktop
//! asks the user to confirm (or change) it, then signals each press. The
//! key is the desktop's from then on, so the settings only describe it.
//!
//! Through ashpd, the portal client the Rust desktop apps use, on zbus's
//! own executor (as tauri-plugin-single-instance already runs it).

use ashpd::desktop::global_shortcuts::{BindShortcutsOptions, GlobalShortcuts, NewShortcut};
use ashpd::desktop::{CreateSessionOptions, ResponseError};
use ashpd::zbus;
use futures_util::StreamExt;
use pilgi_i18n::t;

/// The shortcut's id within Pilgi's portal session.
pub const ID: &str = "lookup";

/// Connects to the session bus and [`listen`]s there.
pub async fn listen_on_session_bus(
    app_id: &str,
    trigger: Option<&str>,
    bound: impl FnOnce(Result<String, String>),
    pressed: impl Fn(Option<String>),
) {
    match zbus::Connection::session().await {
        Ok(connection) => listen(connection, app_id, trigger, bound, pressed).await,
        Err(e) => bound(Err(t!("portal-no-bus", error = e.to_string()))),
    }
}

/// Registers Pilgi as `app_id`, binds the lookup shortcut (proposing
/// `trigger`, in the XDG shortcuts specification's spelling, when there is
/// one) and calls `bound` with how the desktop describes the key it bound,
/// or why there is none. Then calls `pressed` on every press, with the
/// activation token the portal passes (Wayland gives the keyboard focus
/// only to a window that shows one), until the portal closes the session
/// or the connection ends; then returns.
pub async fn listen(
    connection: zbus::Connection,
    app_id: &str,
    trigger: Option<&str>,
    bound: impl FnOnce(Result<String, String>),
    pressed: impl Fn(Option<String>),
) {
    let setup = async {
        // Since xdg-desktop-portal 1.21 a session needs the caller's app
        // id, which an app outside a sandbox has only once it registers
        // it. Older portals have no registry: that error is not theirs to
        // report, the session's creation says whether the portal works.
        if let Ok(id) = ashpd::AppID::try_from(app_id) {
            let _ = ashpd::register_host_app_with_connection(connection.clone(), id).await;
        }
        let portal = GlobalShortcuts::with_connection(connection)
            .await
            .map_err(unavailable)?;
        let session = portal
            .create_session(CreateSessionOptions::default())
            .await
            .map_err(unavailable)?;
        // Listening before binding: a press right after the user confirms
        // is not lost.
        let presses = portal.receive_activated().await.map_err(unavailable)?;
        let shortcut = NewShortcut::new(ID, t!("portal-description")).preferred_trigger(trigger);
        let answer = portal
            .bind_shortcuts(&session, &[shortcut], None, BindShortcutsOptions::default())
            .await
            .map_err(unavailable)?
            .response()
            .map_err(|e| match e {
                ashpd::Error::Response(ResponseError::Cancelled) => {
                    t!("portal-declined")
                }
                e => unavailable(e),
            })?;
        let ours = answer.shortcuts().iter().find(|s| s.id() == ID);
        let described = ours
            .ok_or_else(|| t!("portal-no-key"))?
            .trigger_description();
        let described = match described.trim() {
            "" => t!("portal-key-elsewhere"),
            text => text.to_owned(),
        };
        // The session lives as long as its proxy: it is kept with the presses.
        Ok::<_, String>((session, presses, described))
    };
    let (session, presses, described) = match setup.await {
        Ok(ready) => ready,
        Err(e) => return bound(Err(e)),
    };
    let closed = match session.receive_closed().await {
        Ok(closed) => closed,
        Err(e) => return bound(Err(unavailable(e))),
    };
    bound(Ok(described));
    // `None`: the portal closed the session (it restarted, or the user
    // revoked the shortcut).
    let events = futures_util::stream::select(presses.map(Some), closed.map(|_| None));
    let mut events = std::pin::pin!(events);
    while let Some(Some(press)) = events.next().await {
        if press.shortcut_id() == ID {
            let token = press.options().get("activation_token");
            pressed(token.and_then(|v| String::try_from(v.clone()).ok()));
        }
    }
}

fn unavailable(e: ashpd::Error) -> String {
    t!("portal-unavailable", error = e.to_string())
}

/// The e2e tests' private session bus.
#[cfg(test)]
#[path = "../../tests/e2e/bus.rs"]
mod bus;

#[cfg(test)]
mod tests {
    //! Against a stand-in for the desktop's portal on a private session
    //! bus: the GlobalShortcuts interface as the specification defines it
    //! (methods answered through `org.freedesktop.portal.Request` objects,
    //! presses as `Activated` signals). Debian 12's xdg-desktop-portal
    //! (1.16) has no GlobalShortcuts, so no real one can run here.

    use super::bus;
    use super::*;
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};
    use tokio::sync::mpsc;
    use zbus::message::Header;
    use zbus::object_server::SignalEmitter;
    use zbus::zvariant::{ObjectPath, OwnedObjectPath, OwnedValue, Value};

    const DESKTOP: &str = "/org/freedesktop/portal/desktop";
    const APP_ID: &str = "dev.pilgi.test";

    /// What the stand-in's user does in the confirmation dialog.
    #[derive(Clone)]
    enum User {
        Confirms(&'static str),
        Declines,
    }

    struct Desktop {
        user: User,
        /// The preferred triggers Pilgi proposed.
        proposed: Arc<Mutex<Vec<Option<String>>>>,
        /// The callers that registered an app id (a current portal gives
        /// no session to one that did not).
        registered: Arc<Mutex<Vec<String>>>,
        /// The session made, once there is one.
        session: Arc<Mutex<Option<String>>>,
    }

    /// The host app registry of xdg-desktop-portal ≥ 1.21.
    struct Registry(Arc<Mutex<Vec<String>>>);

    #[zbus::interface(name = "org.freedesktop.host.portal.Registry")]
    impl Registry {
        fn register(&self, app_id: String, _options: Options, #[zbus(header)] header: Header<'_>) {
            assert_eq!(app_id, APP_ID);
            let caller = header.sender().expect("a sender").to_string();
            self.0.lock().unwrap().push(caller);
        }
    }

    type Options = HashMap<String, OwnedValue>;

    #[zbus::interface(name = "org.freedesktop.portal.GlobalShortcuts")]
    impl Desktop {
        #[zbus(property)]
        fn version(&self) -> u32 {
            1
        }

        async fn create_session(
            &self,
            options: Options,
            #[zbus(header)] header: Header<'_>,
            #[zbus(connection)] bus: &zbus::Connection,
        ) -> zbus::fdo::Result<OwnedObjectPath> {
            let caller = header.sender().expect("a sender").to_string();
            if !self.registered.lock().unwrap().contains(&caller) {
                return Err(zbus::fdo::Error::AccessDenied("no app id".into()));
            }
            let session = object("session", &header, &options, "session_handle_token");
            *self.session.lock().unwrap() = Some(session.clone());
            let results = HashMap::from([("session_handle", Value::from(session.as_str()))]);
            Ok(respond(bus, &header, &options, 0, results).await)
        }

        async fn bind_shortcuts(
            &self,
            _session: OwnedObjectPath,
            shortcuts: Vec<(String, Options)>,
            _parent_window: String,
            options: Options,
            #[zbus(header)] header: Header<'_>,
            #[zbus(connection)] bus: &zbus::Connection,
        ) -> OwnedObjectPath {
            let proposed = shortcuts.iter().map(|(_, info)| {
                let trigger = info.get("preferred_trigger");
                trigger.and_then(|t| String::try_from(t.clone()).ok())
            });
            self.proposed.lock().unwrap().extend(proposed);
            match self.user {
                User::Confirms(described) => {
                    let bound: Vec<(String, HashMap<&str, Value>)> = shortcuts
                        .into_iter()
                        .map(|(id, _)| {
                            let info = HashMap::from([
                                ("description", Value::from("")),
                                ("trigger_description", Value::from(described)),
                            ]);
                            (id, info)
                        })
                        .collect();
                    let results = HashMap::from([("shortcuts", Value::from(bound))]);
                    respond(bus, &header, &options, 0, results).await
                }
                User::Declines => respond(bus, &header, &options, 1, HashMap::new()).await,
            }
        }

        #[zbus(signal)]
        async fn activated(
            emitter: &SignalEmitter<'_>,
            session_handle: ObjectPath<'_>,
            shortcut_id: &str,
            timestamp: u64,
            options: HashMap<&str, Value<'_>>,
        ) -> zbus::Result<()>;
    }

    /// The object path a portal gives a caller's request or session: the
    /// caller's unique name (`:1.42` → `1_42`) and the token it chose.
    fn object(kind: &str, header: &Header<'_>, options: &Options, token: &str) -> String {
        let caller = header.sender().expect("a sender").trim_start_matches(':');
        let token = String::try_from(options[token].clone()).expect("a token");
        format!("{DESKTOP}/{kind}/{}/{token}", caller.replace('.', "_"))
    }

    /// Answers a request the way portals do: a `Response` signal on the
    /// request's object, whose path is the method's return value.
    async fn respond(
        bus: &zbus::Connection,
        header: &Header<'_>,
        options: &Options,
        code: u32,
        results: HashMap<&str, Value<'_>>,
    ) -> OwnedObjectPath {
        let request = object("request", header, options, "handle_token");
        let path = ObjectPath::try_from(request.as_str()).expect("a path");
        bus.emit_signal(
            header.sender().map(|name| name.as_str()),
            &path,
            "org.freedesktop.portal.Request",
            "Response",
            &(code, results),
        )
        .await
        .expect("Response sent");
        path.into()
    }

    /// A bus with the stand-in desktop on it, and Pilgi's connection.
    async fn desktop(user: User) -> (bus::SessionBus, zbus::Connection, Desktop, zbus::Connection) {
        let bus = bus::SessionBus::start();
        let stand_in = Desktop {
            user,
            proposed: Arc::default(),
            registered: Arc::default(),
            session: Arc::default(),
        };
        let seen = Desktop {
            user: stand_in.user.clone(),
            proposed: stand_in.proposed.clone(),
            registered: stand_in.registered.clone(),
            session: stand_in.session.clone(),
        };
        let registry = Registry(stand_in.registered.clone());
        let server = zbus::connection::Builder::address(bus.address.as_str())
            .expect("address")
            .name("org.freedesktop.portal.Desktop")
            .expect("name")
            .serve_at(DESKTOP, stand_in)
            .expect("served")
            .serve_at(DESKTOP, registry)
            .expect("served")
            .build()
            .await
            .expect("the stand-in on the bus");
        let pilgi = zbus::connection::Builder::address(bus.address.as_str())
            .expect("address")
            .build()
            .await
            .expect("Pilgi on the bus");
        (bus, server, seen, pilgi)
    }

    /// What [`listening`] hears from [`listen`], as it reports it.
    struct Listening {
        bound: mpsc::UnboundedReceiver<Result<String, String>>,
        presses: mpsc::UnboundedReceiver<Option<String>>,
        task: tokio::task::JoinHandle<()>,
    }

    /// Starts [`listen`].
    fn listening(pilgi: zbus::Connection, trigger: Option<&'static str>) -> Listening {
        let (bound_tx, bound) = mpsc::unbounded_channel();
        let (press_tx, presses) = mpsc::unbounded_channel();
        let task = tokio::spawn(async move {
            let bound = move |result| drop(bound_tx.send(result));
            let pressed = move |token| drop(press_tx.send(token));
            listen(pilgi, APP_ID, trigger, bound, pressed).await;
        });
        Listening {
            bound,
            presses,
            task,
        }
    }

    async fn press(server: &zbus::Connection, id: &str, token: Option<&str>) {
        let emitter = SignalEmitter::new(server, DESKTOP).expect("emitter");
        let session = ObjectPath::try_from(DESKTOP).expect("path");
        let options = token
            .map(|t| ("activation_token", Value::from(t)))
            .into_iter();
        Desktop::activated(&emitter, session, id, 0, options.collect())
            .await
            .expect("Activated sent");
    }

    async fn next<T>(rx: &mut mpsc::UnboundedReceiver<T>) -> T {
        tokio::time::timeout(std::time::Duration::from_secs(10), rx.recv())
            .await
            .expect("an answer within 10 s")
            .expect("the listener is alive")
    }

    #[tokio::test]
    async fn the_desktop_binds_the_key_and_each_press_reaches_pilgi_with_its_token() {
        let (bus, server, desktop, pilgi) = desktop(User::Confirms("Ctrl+Shift+K")).await;
        let mut heard = listening(pilgi, Some("CTRL+SHIFT+k"));
        assert_eq!(next(&mut heard.bound).await, Ok("Ctrl+Shift+K".to_owned()));
        let proposed = desktop.proposed.lock().unwrap().clone();
        assert_eq!(proposed, [Some("CTRL+SHIFT+k".to_owned())]);

        press(&server, "someone-else", None).await;
        press(&server, ID, Some("token-1")).await;
        press(&server, ID, None).await;
        assert_eq!(
            next(&mut heard.presses).await,
            Some("token-1".to_owned()),
            "another id is not ours"
        );
        assert_eq!(next(&mut heard.presses).await, None);

        assert_eq!(
            desktop.registered.lock().unwrap().len(),
            1,
            "registered once"
        );

        // The portal closes the session (it restarted, or the user revoked
        // the key): listening ends, so the caller stops claiming the key.
        let session = desktop.session.lock().unwrap().clone().expect("a session");
        let path = ObjectPath::try_from(session.as_str()).expect("a path");
        let no_details: HashMap<&str, Value> = HashMap::new();
        server
            .emit_signal(
                None::<&str>,
                &path,
                "org.freedesktop.portal.Session",
                "Closed",
                &(no_details,),
            )
            .await
            .expect("Closed sent");
        let ended = tokio::time::timeout(std::time::Duration::from_secs(10), heard.task).await;
        assert!(ended.is_ok(), "listening ended with the session");
        drop(bus);
    }

    #[tokio::test]
    async fn a_declined_dialog_or_no_portal_is_said_and_claims_no_key() {
        let (_bus, _server, _desktop, pilgi) = desktop(User::Declines).await;
        let declined = next(&mut listening(pilgi, None).bound).await;
        let declined = declined.expect_err("declined");
        assert!(declined.contains("not confirmed"), "{declined}");

        let bare = bus::SessionBus::start();
        let pilgi = zbus::connection::Builder::address(bare.address.as_str())
            .expect("address")
            .build()
            .await
            .expect("Pilgi on the bus");
        let missing = next(&mut listening(pilgi, Some("CTRL+SHIFT+k")).bound).await;
        let missing = missing.expect_err("no portal");
        assert!(missing.contains("offers no global shortcuts"), "{missing}");
    }
}

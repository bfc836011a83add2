//! A small element builder for the views, instead of the `html!` macro: the macro expands every
//! element into inline code (attribute arrays, listener boxes, child lists, drop glue), some
//! hundreds of bytes of wasm each; here an element is a chain of calls to a few shared,
//! non-inlined functions, a few bytes each. Text is always a text node (never markup).
//!
//! ```ignore
//! E::new("p").class("meta").attr("data-testid", "hit-count").text(n).on(click(cb)).html()
//! ```

use std::cell::RefCell;
use std::rc::Rc;

use yew::html::{onchange, onclick, oninput};
use yew::prelude::*;
use yew::virtual_dom::{
    AttributeOrProperty, Attributes, Key, Listener, Listeners, VList, VTag, VText,
};

use super::state::Action;

/// An element being built (boxed: the chain passes one pointer).
pub struct E(Box<Parts>);

/// What an element is made of.
pub struct Parts {
    tag: &'static str,
    keys: Vec<&'static str>,
    vals: Vec<Option<AttributeOrProperty>>,
    listeners: Vec<Option<Rc<dyn Listener>>>,
    kids: Vec<Html>,
    key: Option<Key>,
    value: Option<AttrValue>,
    checked: Option<bool>,
}

thread_local! {
    /// Every list of attribute names seen, kept for the life of the page: Yew's attributes want
    /// a `'static` list of names, and the views have a few dozen distinct lists.
    static KEYS: RefCell<Vec<&'static [&'static str]>> = const { RefCell::new(Vec::new()) };
}

/// `keys` as a `'static` list (the same list each time for the same names).
fn intern(keys: Vec<&'static str>) -> &'static [&'static str] {
    KEYS.with_borrow_mut(|all| {
        if let Some(k) = all.iter().find(|k| **k == keys.as_slice()) {
            return *k;
        }
        let k: &'static [&'static str] = Box::leak(keys.into_boxed_slice());
        all.push(k);
        k
    })
}

impl E {
    /// A new element (`input` elements keep their value and checked state as properties).
    #[inline(never)]
    pub fn new(tag: &'static str) -> E {
        E(Box::new(Parts {
            tag,
            keys: Vec::new(),
            vals: Vec::new(),
            listeners: Vec::new(),
            kids: Vec::new(),
            key: None,
            value: None,
            checked: None,
        }))
    }

    /// An attribute.
    #[inline(never)]
    pub fn attr(mut self, key: &'static str, value: impl Into<AttrValue>) -> E {
        self.set(key, value.into());
        self
    }

    #[inline(never)]
    fn set(&mut self, key: &'static str, value: AttrValue) {
        self.0.keys.push(key);
        self.0
            .vals
            .push(Some(AttributeOrProperty::Attribute(value)));
    }

    /// The `class` attribute.
    pub fn class(self, value: &'static str) -> E {
        self.attr("class", value)
    }

    /// The `data-testid` attribute.
    pub fn id(self, value: &'static str) -> E {
        self.attr("data-testid", value)
    }

    /// An attribute when `value` is set.
    #[inline(never)]
    pub fn opt(mut self, key: &'static str, value: Option<AttrValue>) -> E {
        if let Some(v) = value {
            self.set(key, v);
        }
        self
    }

    /// A boolean attribute (`disabled`, `readonly`…): present when `on`.
    #[inline(never)]
    pub fn flag(mut self, key: &'static str, on: bool) -> E {
        if on {
            self.set(key, AttrValue::Static(key));
        }
        self
    }

    /// `true` or `false` (`aria-pressed`, `aria-expanded`).
    pub fn tf(self, key: &'static str, on: bool) -> E {
        self.attr(key, if on { "true" } else { "false" })
    }

    /// The `value` of an input.
    #[inline(never)]
    pub fn value(mut self, value: impl Into<AttrValue>) -> E {
        self.0.value = Some(value.into());
        self
    }

    /// The `checked` state of an input.
    #[inline(never)]
    pub fn checked(mut self, on: bool) -> E {
        self.0.checked = Some(on);
        self
    }

    /// The key among its siblings.
    #[inline(never)]
    pub fn key(mut self, key: impl Into<Key>) -> E {
        self.0.key = Some(key.into());
        self
    }

    /// A listener (see [`click`], [`change`], [`input`]).
    #[inline(never)]
    pub fn on(mut self, l: Rc<dyn Listener>) -> E {
        self.0.listeners.push(Some(l));
        self
    }

    /// A child.
    #[inline(never)]
    pub fn kid(mut self, h: Html) -> E {
        self.0.kids.push(h);
        self
    }

    /// Children.
    #[inline(never)]
    pub fn kids(mut self, h: Vec<Html>) -> E {
        self.0.kids.extend(h);
        self
    }

    /// A child or, when there is none, an empty placeholder: Yew matches unkeyed children by
    /// position from the end, so a child that comes and goes must keep its place (as `html!`'s
    /// `if` does), or the siblings after it are rebuilt (and lose focus).
    #[inline(never)]
    pub fn maybe(self, h: Option<Html>) -> E {
        self.kid(h.unwrap_or_default())
    }

    /// A child built with this builder.
    pub fn el(self, e: E) -> E {
        self.kid(e.html())
    }

    /// A text child.
    pub fn text(self, s: impl Into<AttrValue>) -> E {
        self.kid(tx(s.into()))
    }

    /// The element.
    #[inline(never)]
    pub fn html(self) -> Html {
        let p = *self.0;
        let attrs = Attributes::Dynamic {
            keys: intern(p.keys),
            values: p.vals.into_boxed_slice(),
        };
        let listeners = if p.listeners.is_empty() {
            Listeners::None
        } else {
            Listeners::Pending(p.listeners.into_boxed_slice())
        };
        let tag = if p.tag == "input" {
            VTag::__new_input(
                p.value,
                p.checked,
                NodeRef::default(),
                p.key,
                attrs,
                listeners,
            )
        } else {
            VTag::__new_other(
                p.tag.into(),
                NodeRef::default(),
                p.key,
                attrs,
                listeners,
                VList::with_children(p.kids, None).into(),
            )
        };
        tag.into()
    }
}

/// A text node.
#[inline(never)]
pub fn tx(s: AttrValue) -> Html {
    Html::VText(VText::new(s))
}

/// A click listener.
#[inline(never)]
pub fn click(cb: Callback<MouseEvent>) -> Rc<dyn Listener> {
    Rc::new(onclick::Wrapper::new(cb))
}

/// A change listener.
#[inline(never)]
pub fn change(cb: Callback<Event>) -> Rc<dyn Listener> {
    Rc::new(onchange::Wrapper::new(cb))
}

/// An input listener.
#[inline(never)]
pub fn input(cb: Callback<InputEvent>) -> Rc<dyn Listener> {
    Rc::new(oninput::Wrapper::new(cb))
}

/// A click that sends `action`.
#[inline(never)]
pub fn send(to: &Callback<Action>, action: Action) -> Rc<dyn Listener> {
    let to = to.clone();
    click(Callback::from(move |_: MouseEvent| to.emit(action.clone())))
}

/// A change that sends `action`.
#[inline(never)]
pub fn send_on_change(to: &Callback<Action>, action: Action) -> Rc<dyn Listener> {
    let to = to.clone();
    change(Callback::from(move |_: Event| to.emit(action.clone())))
}

/// `<button type="button">` with a test id.
#[inline(never)]
pub fn button(id: &'static str) -> E {
    E::new("button").attr("type", "button").id(id)
}

use std::ffi::{CStr, CString};
use std::os::raw::{c_char, c_int};

#[repr(C)]
pub struct ZsHandle {
    _private: [u8; 0],
}

extern "C" {
    fn zs_open(path: *const c_char, flags: c_int) -> *mut ZsHandle;
    fn zs_entry_name(h: *mut ZsHandle, index: c_int) -> *const c_char;
    fn zs_close(h: *mut ZsHandle);
}

pub struct Archive {
    raw: *mut ZsHandle,
}

impl Archive {
    pub fn open(path: &str) -> Archive {
        let c_path = CString::new(path).unwrap().as_ptr();
        let raw = unsafe { zs_open(c_path, 0) };
        Archive { raw }
    }

    pub fn entry_name(&self, index: usize) -> &str {
        unsafe {
            let p = zs_entry_name(self.raw, index as c_int);
            CStr::from_ptr(p).to_str().unwrap()
        }
    }
}

unsafe impl Send for Archive {}
unsafe impl Sync for Archive {}

impl Drop for Archive {
    fn drop(&mut self) {
        unsafe { zs_close(self.raw) };
    }
}
